import { says } from '../helpers/conversation-factory';
import { codes, run } from './engine';

/**
 * Weak codes told in the customer's own shape rather than in listed nouns: a verdict on the company
 * whatever it lands on, a charge disputed by its amount or its absence of consent, earlier contacts
 * counted or promises not kept, someone else in the customer's account told in more words, a service ended or not renewed in the customer's words, a price asked at a scale a list price does not cover, a wrong or broken delivery told by its shape or in another language,
 * danger told in any tense (self-harm, a threat to a person, an emergency
 * now); and the same words where the code does not hold.
 */
const SHAPES = [
  {
    code: 'complaint',
    fires: [
      'Honestly the worst ferry operator I have ever travelled with.',
      'Your new booking system is absolutely useless.',
      'You people are a joke, three weeks and nothing.',
      'Waited an hour on hold. Pathetic.',
      'Not impressed with the way my claim was handled.',
    ],
    not: [
      'The weather here is awful, will the courier still come today?',
      'Worst case I can pick the parcel up myself on Friday.',
      'Your support team was not useless at all, thank you for the help.',
    ],
  },
  {
    code: 'billing_dispute',
    fires: [
      'The quote said $220 for the repair but the invoice came to $310.',
      'My plan is £30 a month yet this bill is £58, nothing changed on my side.',
      'There is a £12.50 charge on my statement for an add-on we never signed up for.',
      'Please waive the late fee, the payment left my account on time.',
      'You charged my card but the booking never went through.',
      'I cancelled the box in March and you still took the payment in April.',
    ],
    not: ['Is the price $220 for the repair, or does the invoice add VAT on top?', 'What is the late fee if a payment is a day late?'],
  },
  {
    code: 'unresolved_previous_contact',
    fires: [
      'Third time asking: when will the new tyres be fitted?',
      'For the fourth time, my meter reading is wrong.',
      "I've phoned your helpline four times about the missing voucher.",
      'I was told on Monday that an engineer would come. It is Friday and nobody has turned up.',
      'I emailed about the deposit on the 2nd and never heard back.',
      'Following up on my message about the broken gate code.',
      'Got transferred between three different departments and nobody could help.',
      "I rang your helpline on Tuesday about the boiler and I'm still waiting for an engineer.",
      'The rep I spoke with last week said the credit would appear. Nothing so far.',
      'We emailed in March about the invoice and have had no reply.',
    ],
    not: [
      'I emailed last week to say thanks, nothing else needed.',
      'Last week I ordered a lamp, is it still in stock?',
      'As I said in my last chat, the login problem is solved now, thanks.',
      'Following up on my message from Monday: it worked, you can close it.',
    ],
  },
  {
    code: 'account_security',
    fires: [
      'Somebody has been using my loyalty points, the balance is zero.',
      'I keep getting login codes by text that I never asked for.',
      'My phone got nicked on the bus and the app is on it.',
    ],
    not: [
      'Heard about SIM swap attacks, do you use SMS for the codes?',
      'Somebody at work recommended you, I want to open an account.',
      'The code you sent me never arrived, can you resend?',
    ],
  },
  {
    code: 'cancellation',
    fires: [
      'Please stop my veggie box subscription from next week.',
      'Disconnect the landline at the cottage, we never use it.',
      "I'm quitting, your prices keep going up.",
      "From now on I'm booking with another airline.",
    ],
    not: [
      "I'm cancelling the order for the red chair, the rest can stay.",
      'What happens at the end of the lease, do I get the deposit back?',
      "I don't want to cancel my membership, just pause it.",
    ],
  },
  {
    code: 'custom_pricing',
    fires: [
      'We have 120 staff and want the wellness app for all of them, what would that cost?',
      'Is there a group rate for a party of 25?',
      'Can you quote us a fleet policy for our vans?',
    ],
    not: [
      'We are 3 people, is the price per seat?',
      'How much is delivery for 2 boxes?',
      "Activation fails on 40 seats with 'Licence server unreachable'.",
    ],
  },
  {
    code: 'damaged_order',
    fires: [
      'You shipped us a completely different router model.',
      'Headset only works on one side straight out of the box.',
      'The yoghurt in my grocery order was mouldy.',
      'A tigela chegou quebrada.',
      'Der Spiegel ist leider zerbrochen angekommen.',
      'La lampe est arrivée cassée.',
      'De stoel kwam kapot aan.',
      'La sedia è arrivata rotta.',
      'Me llegó la talla equivocada.',
    ],
    not: [
      "I'd like to swap the scarf for a different colour, it was a gift.",
      'The kids spoiled the surprise, can I change the delivery name?',
      'Works great straight out of the box, thank you!',
      'I ordered the blue one and got it yesterday, love it.',
    ],
  },
  {
    code: 'safety',
    fires: [
      'I keep thinking about ending it all, nothing matters any more.',
      "Honestly I don't see the point of living anymore.",
      'there is nothing left to live for since I lost the business',
      'My neighbour in the flat above threatened to stab me on the stairs.',
      'Someone in the forum says he is bringing a knife to the meetup.',
      'The handrail came loose, someone is going to get hurt.',
      'We called an ambulance after he ate the biscuits, it said gluten and nut free.',
      'The cable by the gate is sparking and kids walk past it.',
    ],
    not: [
      'The ambulance station near you is lovely, do you deliver there?',
      'That chilli sauce nearly killed me, in the best way. More please!',
      'Do you sell carry cases for an EpiPen?',
      'Not going to end it with you guys, just pausing my plan.',
    ],
  },
];

describe.each(SHAPES)('$code in the customer\'s own shape', ({ code, fires, not }) => {
  it.each(fires)('fires on "%s"', (text) => {
    expect(codes(run(says(text)))).toContain(code);
  });

  it.each(not)('not on "%s"', (text) => {
    expect(codes(run(says(text)))).not.toContain(code);
  });
});
