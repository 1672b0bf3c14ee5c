import { ApiKey } from './domain/api-key.entity';
import { Invitation } from './domain/invitation.entity';
import { LoginFailure } from './domain/login-failure.entity';
import { Membership } from './domain/membership.entity';
import { RefreshToken } from './domain/refresh-token.entity';
import { Tenant } from './domain/tenant.entity';
import { User } from './domain/user.entity';

export const IDENTITY_ENTITIES: Function[] = [Tenant, User, Membership, RefreshToken, LoginFailure, Invitation, ApiKey];
