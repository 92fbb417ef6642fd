import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  Kind,
  buildSchema,
  parse,
  validate,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { dialogEventsSubscriptionQuery } from '../../../src/platform/dialogporten/events';

/**
 * The subscription text the client sends, checked against Digdir's published GraphQL contract
 * (@digdir/dialogporten-schema, schema.verified.graphql) with the reference GraphQL implementation, and read the way
 * Dialogporten's subscription policy reads it (AuthorizationHandlerContextExtensions.cs).
 */
describe('dialog events: the subscription text against the published Dialogporten schema', () => {
  const dialogId = '0194a3b2-7c1d-7e2f-8a9b-0c1d2e3f4a5b';
  let schema: GraphQLSchema;

  before(() => {
    const packageJson = createRequire(__filename).resolve('@digdir/dialogporten-schema/package.json');
    schema = buildSchema(readFileSync(join(dirname(packageJson), 'schema.verified.graphql'), 'utf8'));
  });

  const errorsOf = (query: string): string[] => validate(schema, parse(query)).map((error) => error.message);

  it('validates: every field and argument we send exists with the right type', () => {
    assert.deepEqual(errorsOf(dialogEventsSubscriptionQuery(dialogId)), []);
  });

  it('would catch a wrong field or argument (the check can fail)', () => {
    assert.match(
      errorsOf(`subscription { dialogEvents(dialogId: "${dialogId}") { id type updatedAt } }`).join(),
      /Cannot query field "updatedAt"/,
    );
    assert.match(errorsOf(`subscription { dialogEvents(id: "${dialogId}") { id } }`).join(), /Unknown argument "id"/);
    assert.match(
      errorsOf('subscription { dialogEvent(dialogId: "x") { id } }').join(),
      /Cannot query field "dialogEvent"/,
    );
    assert.match(
      errorsOf('subscription { dialogEvents { id } }').join(),
      /argument "dialogId" of type "UUID!" is required/,
    );
  });

  it("has the id where the subscription policy reads it: the first definition's dialogEvents field, as a string literal", () => {
    const document = parse(dialogEventsSubscriptionQuery(dialogId));
    const operation = document.definitions[0] as OperationDefinitionNode;
    assert.equal(operation.kind, Kind.OPERATION_DEFINITION);
    assert.equal(operation.operation, 'subscription');
    const field = operation.selectionSet.selections.find(
      (selection): selection is FieldNode =>
        selection.kind === Kind.FIELD && selection.name.value.toLowerCase() === 'dialogevents',
    );
    const argument = field?.arguments?.find((a) => a.name.value.toLowerCase() === 'dialogid');
    assert.equal(
      argument?.value.kind,
      Kind.STRING,
      "a literal: a $variable's value node holds only the variable's name",
    );
    assert.equal(argument?.value.kind === Kind.STRING && argument.value.value, dialogId);
    assert.deepEqual(operation.variableDefinitions ?? [], []);
  });
});
