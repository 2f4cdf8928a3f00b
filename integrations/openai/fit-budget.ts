import { leadingText } from '../../server/domain/text';

/**
 * Keeping a request within a token budget. Pure. Token counts are estimates: each model family
 * has its own tokenizer (and OpenAI-compatible servers run many), so we count conservatively
 * instead: a quarter token per ASCII character (English averages about four characters a token)
 * and a whole token for every other character (accented letters, CJK, emoji). The real figures
 * come back in the answer's `usage` and are what Baton stores.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 128) ascii += 1;
    // A surrogate pair is one character: count it once, on its high half.
    else if (code < 0xdc00 || code > 0xdfff) other += 1;
  }
  return Math.ceil(ascii / 4) + other;
}

export interface Turn {
  /** 0-based index into the conversation's messages, so the model can cite evidence. */
  i: number;
  role: string;
  text: string;
}

/** Stands where turns were left out; its shape tells the model what happened. */
export interface OmittedTurns {
  omitted_turns: number;
  note: string;
}

/** Cuts `text` in its middle to about `maxTokens`, keeping its start and end. */
export function trimMiddle(text: string, maxTokens: number): string {
  if (estimateTokens(text) <= maxTokens) return text;
  // Characters per token differ with the script: take the ratio this text actually has.
  const ratio = text.length / estimateTokens(text);
  const keep = Math.max(16, Math.floor(maxTokens * ratio) - 8);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  // Neither cut falls inside a surrogate pair (an emoji): half a pair is not Unicode, and a request
  // holding one may be refused as JSON the model's server cannot read.
  const from = text.length - tail;
  const low = text.charCodeAt(from);
  return `${leadingText(text, head)} […] ${text.slice(low >= 0xdc00 && low <= 0xdfff ? from + 1 : from)}`;
}

/** What a turn costs inside the JSON we send: its text plus the keys and quotes around it. */
function turnCost(turn: Turn): number {
  return estimateTokens(JSON.stringify(turn));
}

/**
 * The transcript that fits in `budget` tokens. The first and last turns always stay (the opening
 * states the problem, the end is where the customer is now); turns are dropped from the middle,
 * recent ones kept before older ones, and one marker says how many went. A single turn longer than
 * a third of the budget is itself cut in its middle.
 */
export function fitTranscript(turns: Turn[], budget: number): { turns: Array<Turn | OmittedTurns>; omitted: number } {
  const perTurnCap = Math.max(64, Math.floor(budget / 3));
  const capped = turns.map((t) => ({ ...t, text: trimMiddle(t.text, perTurnCap) }));
  const total = capped.reduce((sum, t) => sum + turnCost(t), 0);
  if (total <= budget || capped.length <= 2) return { turns: capped, omitted: 0 };

  const marker = (n: number): OmittedTurns => ({
    omitted_turns: n,
    note: `${n} turn(s) in the middle of the conversation were left out to fit the token budget`,
  });
  const first = capped[0]!;
  const last = capped[capped.length - 1]!;
  let used = turnCost(first) + turnCost(last) + estimateTokens(JSON.stringify(marker(capped.length)));
  let head = 1; // turns [0, head) kept
  let tail = capped.length - 1; // turns [tail, n) kept
  // Two recent turns for every older one: the end of a conversation matters most to the agent.
  for (let step = 0; head < tail; step += 1) {
    const fromEnd = step % 3 !== 2;
    const candidate = fromEnd ? capped[tail - 1]! : capped[head]!;
    const cost = turnCost(candidate);
    if (used + cost > budget) break;
    used += cost;
    if (fromEnd) tail -= 1;
    else head += 1;
  }
  const omitted = tail - head;
  if (omitted === 0) return { turns: capped, omitted: 0 };
  return { turns: [...capped.slice(0, head), marker(omitted), ...capped.slice(tail)], omitted };
}
