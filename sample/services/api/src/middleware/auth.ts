import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { HttpError, unauthorized } from '../errors';

export interface AuthContext {
  accountId: string;
  subject: string;
  scopes: ReadonlySet<string>;
}

declare global {
  namespace Express {
    interface Request {
      auth: AuthContext;
    }
  }
}

const ISSUER = process.env.AUTH_ISSUER ?? 'https://auth.acme.example/';
const AUDIENCE = 'https://api.acme.example';
const ACCOUNT_CLAIM = 'https://acme.example/account_id';

// jose caches the key set and refetches it on an unknown `kid`: key rotation needs no deploy.
const jwks = createRemoteJWKSet(new URL('.well-known/jwks.json', ISSUER));

export async function authenticate(req: Request, _res: Response, next: NextFunction): Promise<void> {
  const [scheme, token] = (req.header('authorization') ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthorized();

  try {
    const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: AUDIENCE, clockTolerance: 30 });
    req.auth = {
      accountId: String(payload[ACCOUNT_CLAIM]),
      subject: String(payload.sub),
      scopes: new Set(String(payload.scope ?? '').split(' ').filter(Boolean)),
    };
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw unauthorized('Access token expired');
    if (err instanceof errors.JOSEError) throw unauthorized(`Invalid access token (${err.code})`);
    throw err;
  }
  next();
}

export function requireScope(scope: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!req.auth.scopes.has(scope)) {
      throw new HttpError(403, 'insufficient_scope', `This call needs the ${scope} scope`);
    }
    next();
  };
}
