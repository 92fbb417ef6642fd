import { benchPartyLevel } from './partyLevel';
import type { Figure } from './measure';
const figures: Figure[] = [];
void benchPartyLevel(figures, (t) => process.stderr.write(`[bench] ${t}\n`)).then(() => {
  console.log(JSON.stringify(figures, null, 1));
  process.exit(0);
});
