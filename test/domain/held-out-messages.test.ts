import path from 'node:path';
import { messageFigures, readLabelledMessages, type MessageFigures } from '../eval/message-figures';

/**
 * decide() on customer messages no training read (test/fixtures/outside/), written from CONTRACT
 * §3–§4 by authors who never read the engine. Floors sit a little below the figures in
 * docs/EVALUATION.md: raise them as the engine improves, never lower one to let a regression through.
 * Raised on 2026-12-01 after the general-question, settled-matter, complaint-verdict and
 * earlier-contact passes; measured then (with the model): set 1 55.1% at 87.7%, 6 of 130, category
 * 56.0%; set 2 41.1% at 82.6%, 1 of 128, 51.0%; mixed inbox 50.4% at 81.2%, 11 of 135, 50.7%;
 * business 36.0% at 69.6%, 20 of 162, 50.6%; ESL 47.8% at 75.3%, 25 of 160, 48.4%; narrative 35.2% at
 * 75.7%, 17 of 164, 48.3%; terse 44.4% at 80.4%, 11 of 159, 48.3%. Category floors raised again
 * after the base rates for messages nothing places (categorize.ts unplacedCategory): category then
 * 57.7 / 57.1 / 54.3 / 51.1 / 53.3 / 50.3 / 55.7% in the order of the sets below. Recall floors raised
 * after danger told in any tense (safety): set 1 56.5%, set 2 42.9%, mixed inbox 51.7%, narrative 36.2%;
 * and again after the damaged-order, custom-pricing, cancellation and account-security shapes: set 1
 * 59.4%, set 2 47.2%, mixed inbox 55.0%, business 38.6%, ESL 50.4%, narrative 37.2%, terse 48.1%. As
 * the rules read more, the model's own share of set 1 fell from 33 to 28 (the rules now find those
 * codes themselves), so its floor there is 26. Raised on 2026-12-02 when the model began reading word
 * pairs apart and training on five more authors' 1,998 messages (docs/EVALUATION.md): recall
 * 71.0 / 58.0 / 60.8 / 47.9 / 58.8 / 46.4 / 56.0%, category 62.3 / 66.0 / 58.7 / 55.4 / 57.9 / 54.0 /
 * 64.9%, the model's own finds 46 / 34 / 34 / 43 / 48 / 51 / 34. One floor was loosened, and it is
 * said here: set 1's false alarms rose from 6 to 8 of 130 (0.06 → 0.07), while over the eight sets
 * they fell from 8.7% to 8.4% and recall rose from 49.4% to 55.7%. False-alarm ceilings lowered on
 * 2026-12-02 when the model began setting aside the rules' topic keywords in messages it reads as
 * no code (intent-triggers.ts vetoRuleHits): set 1 8 → 6 of 130, business 20 → 19 of 162, ESL 21 →
 * 18 of 160, narrative 16 → 15 of 164, for 5 of the seven sets' 1,780 labelled codes. Recall floors raised the same day when the model
 * began reading each pair of neighbouring sentences as well as each sentence (read-intents.ts):
 * recall 71.0 / 61.0 / 62.9 / 49.4 / 60.2 / 48.8 / 57.8%, 37 more codes found over the seven sets
 * for one more false alarm (business customers 19 → 20 of 162, so that ceiling went back from 0.12
 * to 0.13; the held-out look-alike emails 82 → 85 of 400, lookalikes.test.ts). The per-set
 * comments below are the figures when each set was added.
 */
const SETS = [
  {
    // Twelve domains, by the author of one training file (server/intent-training/messages/outside-dev.jsonl).
    // Measured: 53.1% recall (110 of 207) at 87.3% precision, false alarms on 6 of 130 neutral messages,
    // category 55.7%; before our labelled messages were trained on, 46.4%, 83.5%, 6 and 53.3%. Rules alone: 76 of 207.
    name: 'held-out customer messages',
    file: 'held-out-messages.jsonl',
    counts: [300, 130, 207],
    floors: { recall: 0.7, precision: 0.85, falseAlarms: 0.05, category: 0.6, byModel: 40, overRules: 26 },
  },
  {
    // A week of one company's inbox across six businesses, by an author who wrote nothing the model
    // trained on. The honest figure: the messages pass cut false alarms (7 -> 4 of 134) at about the
    // same recall (40.3% -> 39.0%). Measured: 39.0% (90 of 231) at 79.6% precision, 4 of 128 (six generic
    // messages that also occur in training since taken out), category
    // 50.7%; 13 found by the model; rules alone 77 of 231.
    name: 'held-out customer messages by an author training never read',
    file: 'held-out-2.jsonl',
    counts: [294, 128, 231],
    floors: { recall: 0.6, precision: 0.84, falseAlarms: 0.03, category: 0.64, byModel: 30, overRules: 10 },
  },
  // Five more authors, written after everything above and never trained on (docs/EVALUATION.md, "Five
  // more held-out authors"). Their look-alikes ("refund received, thanks", "no need for an agent")
  // show how far false alarms on customers' own wording are from the 1% the thresholds were chosen
  // for. Measured with the model (and the rules alone): recall, precision, false alarms, category.
  {
    // A mixed inbox in ten domains: 47.1% (113 of 240; rules 89) at 79.6%, 12 of 135, category 50.7%.
    name: 'held-out messages: a mixed inbox',
    file: 'held-out-3.jsonl',
    counts: [300, 135, 240],
    floors: { recall: 0.62, precision: 0.78, falseAlarms: 0.1, category: 0.57, byModel: 30, overRules: 20 },
  },
  {
    // Business customers: 35.2% (94 of 267; rules 68) at 68.1%, 22 of 162, category 50.6%.
    name: 'held-out messages: business customers',
    file: 'held-out-b2b.jsonl',
    counts: [350, 162, 267],
    floors: { recall: 0.49, precision: 0.72, falseAlarms: 0.13, category: 0.53, byModel: 38, overRules: 22 },
  },
  {
    // English as a second language: 47.1% (129 of 274; rules 97) at 72.5%, 31 of 160, category 48.1%.
    name: 'held-out messages: English as a second language',
    file: 'held-out-esl.jsonl',
    counts: [349, 160, 274],
    floors: { recall: 0.6, precision: 0.78, falseAlarms: 0.12, category: 0.56, byModel: 42, overRules: 28 },
  },
  {
    // Long emails that tell a story first: 34.1% (100 of 293; rules 67) at 74.1%, 19 of 164, category 48.0%.
    name: 'held-out messages: narrative emails',
    file: 'held-out-narrative.jsonl',
    counts: [350, 164, 293],
    floors: { recall: 0.48, precision: 0.73, falseAlarms: 0.1, category: 0.52, byModel: 45, overRules: 29 },
  },
  {
    // Terse mobile messages: 44.0% (118 of 268; rules 101) at 79.7%, 12 of 159, category 48.3%.
    name: 'held-out messages: terse mobile chat',
    file: 'held-out-terse.jsonl',
    counts: [350, 159, 268],
    floors: { recall: 0.57, precision: 0.83, falseAlarms: 0.05, category: 0.63, byModel: 30, overRules: 14 },
  },
];

describe.each(SETS)('$name', ({ file, counts, floors }) => {
  let withModel: MessageFigures;
  let rulesOnly: MessageFigures;

  beforeAll(() => {
    const rows = readLabelledMessages(path.join(__dirname, '../fixtures/outside', file));
    withModel = messageFigures(rows);
    rulesOnly = messageFigures(rows, null);
  });

  it('is the set the figures were measured on', () => {
    expect([withModel.messages, withModel.neutral, withModel.labelled]).toEqual(counts);
  });

  it('finds its share of the labelled codes, with few false alarms', () => {
    expect(withModel.found / withModel.labelled).toBeGreaterThanOrEqual(floors.recall);
    expect(withModel.found / (withModel.found + withModel.wrong)).toBeGreaterThanOrEqual(floors.precision);
    expect(withModel.falseAlarms / withModel.neutral).toBeLessThanOrEqual(floors.falseAlarms);
    expect(withModel.categoryRight / withModel.messages).toBeGreaterThanOrEqual(floors.category);
  });

  it('owes a share of what it finds to the model: the rules alone find fewer', () => {
    expect(withModel.byModel).toBeGreaterThanOrEqual(floors.byModel);
    expect(withModel.found - rulesOnly.found).toBeGreaterThanOrEqual(floors.overRules);
    expect(rulesOnly.byModel).toBe(0);
  });
});

/**
 * Customer messages in Spanish, French, German, Portuguese, Italian and Dutch (50 each, regional
 * wording, chat and email), by an author who saw only the contract's definitions. Measured when the
 * languages got phrases for every code (2026-12-01): before, 15.7% (42 of 267) at 67.7% precision,
 * 15 of 131 neutral messages with a false alarm, category 40.0%; after the first phrases, written from
 * the languages alone, 36.0% (96); after a pass over the multilingual dev set, 52.1% (139) at 89.7%,
 * 13 of 131, category 55.0%; with category words for every category in each language (technical,
 * sales, product questions, praise; more billing and login words), category 63.3%. The model reads
 * English only, so its figures are the rules'.
 */
describe('held-out messages: six other languages', () => {
  let withModel: MessageFigures;
  let rulesOnly: MessageFigures;

  beforeAll(() => {
    const rows = readLabelledMessages(path.join(__dirname, '../fixtures/outside', 'held-out-multilingual.jsonl'));
    withModel = messageFigures(rows);
    rulesOnly = messageFigures(rows, null);
  });

  it('is the set the figures were measured on', () => {
    expect([withModel.messages, withModel.neutral, withModel.labelled]).toEqual([300, 131, 267]);
  });

  it('finds its share of the labelled codes in their own languages, with few false alarms', () => {
    expect(withModel.found / withModel.labelled).toBeGreaterThanOrEqual(0.5);
    expect(withModel.found / (withModel.found + withModel.wrong)).toBeGreaterThanOrEqual(0.87);
    expect(withModel.falseAlarms / withModel.neutral).toBeLessThanOrEqual(0.11);
    expect(withModel.categoryRight / withModel.messages).toBeGreaterThanOrEqual(0.61);
  });

  it('owes nothing to the model, which learnt English only', () => {
    expect(withModel.byModel).toBe(0);
    expect(withModel.found).toBe(rulesOnly.found);
    expect(withModel.wrong).toBe(rulesOnly.wrong);
  });
});
