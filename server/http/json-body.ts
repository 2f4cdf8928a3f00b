import express, { type RequestHandler } from 'express';
import { BatonError } from '../errors';

/** Fixed: a conversation worth handing off fits easily; anything larger is a mistake or an attack. */
export const BODY_LIMIT = '1mb';

/**
 * JSON parsing for one route (never globally, so receivers that verify signatures on raw bytes can
 * mount before it). A body that is not declared JSON is refused with 415 rather than silently
 * ignored; size and syntax errors from the parser are mapped by the error middleware.
 */
export function jsonBody(): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!req.is('application/json')) {
      next(new BatonError('Content-Type must be application/json', 415, 'unsupported_media_type'));
      return;
    }
    next();
  };
  return [requireJson, express.json({ limit: BODY_LIMIT, strict: true, type: 'application/json' })];
}
