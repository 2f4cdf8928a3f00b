import type { Category } from '../../domain/codes';

/**
 * The words of the warm intro (warm-intro.ts), one table per language of the same shape. Each
 * language writes its own sentences rather than translating the English ones word for word, and
 * addresses the customer as handoff-texts.ts does: tú (es), tu (it), você (pt), je (nl); vous (fr)
 * and Sie (de). The values a phrase takes (order numbers, an amount, article titles, a first name)
 * come from the decision, its facts and the bot's article list: never from what the customer wrote.
 */

/** What the issue sentence is read from: a topic trigger, else the decision's category. */
export type IssueKind = 'multi_issue' | 'account_security' | 'billing_dispute' | 'damaged_order' | 'refund_request' | Category;

export interface IssueValues {
  /** The order numbers the customer gave, written "#48213", at most three; empty when none. */
  orders: string[];
  /** The largest amount they mentioned, written as the language writes amounts; undefined when none. */
  money?: string;
}

export interface WarmIntroTexts {
  /** How the intro starts: "Hi Ana", "Hi there" when the profile has no usable first name. */
  greeting: (name: string | undefined) => string;
  /**
   * The first sentence, greeting included: taking over from the assistant (when a bot spoke) or
   * thanks for reaching out, and that everything the customer wrote was read.
   */
  opening: (name: string | undefined, botSpoke: boolean) => string;
  apology: {
    /** The account may be compromised. */
    security: string;
    /** The customer is angry or frustrated. */
    frustrated: string;
    /** Any other negative mood. */
    trouble: string;
  };
  /** The sentence that names the issue. */
  issue: Record<IssueKind, (values: IssueValues) => string>;
  /** An article the bot sent, by its title; unnamed when it has none. */
  article: (title: string | undefined) => string;
  tried: {
    /** The bot sent `count` articles, named in `list`, and they did not help. */
    failedArticles: (list: string, count: number) => string;
    /** The bot's answers did not help (no article among them). */
    failedAnswers: string;
    /** The bot sent `count` articles, named in `list`, with no word on how they landed. */
    sentArticles: (list: string, count: number) => string;
  };
  /** What we already have, so the customer is asked for none of it again. */
  known: {
    /** The order numbers, "#48213" each. */
    orders: (ids: string[]) => string;
    tracking: string;
    email: string;
    phone: string;
    amount: (money: string) => string;
    /** The sentence around the list of what we have. */
    sentence: (list: string) => string;
  };
  /** What happens next: one of these closes the intro. */
  next: {
    safety: string;
    securingAccount: string;
    /** No order number, tracking number or email to find the order by. */
    askOrderNumber: string;
    checkingCarrier: string;
    lookingIntoIt: string;
  };
}
