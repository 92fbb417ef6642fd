import { InvalidInputError } from '../errors';

/** An e-mail draft cannot be made from this input; `field` names the input field (e.g. `maskinportenClientIds[1]`). */
export class DraftInputError extends InvalidInputError {
  override readonly name: string = 'DraftInputError';
  constructor(field: string, problem: string) {
    super(field, `${field}: ${problem}`);
  }
}
