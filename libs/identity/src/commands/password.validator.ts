import { registerDecorator, ValidationOptions } from 'class-validator';
import { passwordProblem } from '../domain/password-policy';

/** At least 10 characters and not a common password. */
export function IsAcceptablePassword(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordProblem(value) === null,
        defaultMessage: (args) => `${args?.property ?? 'password'} ${typeof args?.value === 'string' ? passwordProblem(args.value) : 'must be a string'}`,
      },
    });
}
