/** How a queue is named to a customer: "our shipping team". Tenants' own queue names read as written. */
const TEAM_NAMES: Record<string, string> = {
  shipping: 'shipping',
  returns: 'returns',
  billing: 'billing',
  trust_safety: 'account security',
  retention: 'membership',
  technical: 'technical support',
  general: 'support',
  sales: 'sales',
  legal: 'legal',
};

export function teamName(queue: string): string {
  return TEAM_NAMES[queue] ?? queue.replace(/[_-]+/g, ' ').trim();
}
