/**
 * npm run eval:messages -- [--weights DIR] [FILE…]: decide() on labelled customer messages, with the
 * model (the committed one, or the weights in DIR, e.g. from train:intents --out) and with the rules
 * alone. Default FILE: every set in test/fixtures/outside, test/fixtures/lookalikes and test/fixtures/dev (no training reads them).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadIntentModel } from '../../server/domain/intent/weights-file';
import { formatFigures, messageFigures, readLabelledMessages } from './message-figures';

const { values, positionals } = parseArgs({ options: { weights: { type: 'string' } }, allowPositionals: true });
const model = values.weights ? loadIntentModel(values.weights) : undefined;
const jsonlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f));
const NOT_TRAINED = ['outside', 'lookalikes', 'dev'].flatMap((dir) => jsonlIn(path.join(__dirname, '../fixtures', dir)));
for (const file of positionals.length > 0 ? positionals : NOT_TRAINED) {
  const rows = readLabelledMessages(file);
  console.log(formatFigures(`${path.basename(file)}, rules and model`, messageFigures(rows, model)));
  console.log(formatFigures(`${path.basename(file)}, rules only`, messageFigures(rows, null)));
}
