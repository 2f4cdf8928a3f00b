/**
 * npm run eval:messages -- [--weights DIR] [FILE…]: decide() on labelled customer messages, with the
 * model (the committed one, or the weights in DIR, e.g. from train:intents --out) and with the rules
 * alone. Default FILE: the two held-out sets no training read.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadIntentModel } from '../../server/domain/intent/weights-file';
import { formatFigures, messageFigures, readLabelledMessages } from './message-figures';

const { values, positionals } = parseArgs({ options: { weights: { type: 'string' } }, allowPositionals: true });
const model = values.weights ? loadIntentModel(values.weights) : undefined;
const HELD_OUT = ['held-out-messages.jsonl', 'held-out-2.jsonl'].map((f) => path.join(__dirname, '../fixtures/outside', f));
for (const file of positionals.length > 0 ? positionals : HELD_OUT) {
  const rows = readLabelledMessages(file);
  console.log(formatFigures(`${path.basename(file)}, rules and model`, messageFigures(rows, model)));
  console.log(formatFigures(`${path.basename(file)}, rules only`, messageFigures(rows, null)));
}
