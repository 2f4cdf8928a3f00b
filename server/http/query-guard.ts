import type { RequestHandler } from 'express';
import { BadRequestError } from '../errors';
import { unstorableText } from '../validation';

/**
 * Every route's query string, before any route reads it: a parameter given twice arrives as an
 * array (`?ticket=1&ticket=2`), which no route means to take, and a NUL in a name or value cannot
 * reach the database. Both answer 400 naming the parameter. Unknown parameters are otherwise let
 * through (callers add tracking parameters).
 */
export const queryGuard: RequestHandler = (req, _res, next) => {
  for (const [name, value] of Object.entries(req.query as Record<string, unknown>)) {
    const nameProblem = unstorableText(name);
    if (nameProblem) throw new BadRequestError(`query parameter name ${nameProblem}`, name);
    if (Array.isArray(value)) throw new BadRequestError(`query parameter ${name} is repeated; give it once`, name);
    const problem = typeof value === 'string' ? unstorableText(value) : undefined;
    if (problem) throw new BadRequestError(`query parameter ${name} ${problem}`, name);
  }
  next();
};
