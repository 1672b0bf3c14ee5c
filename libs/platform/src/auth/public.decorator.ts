import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = Symbol('IS_PUBLIC');

/** Opts a route (or controller) out of authentication: webhooks, login, registration, health. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
