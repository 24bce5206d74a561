/**
 * One sentence about whose integration a delete breaks (§8.3), for the text and Markdown plans. Plain
 * text: each renderer escapes it for its medium.
 */
import type { PlannedChange } from './plan-types.ts';

/** `undefined` when the plan carries nothing about the delete's system users. */
export function describeDeleteCost(change: PlannedChange): string | undefined {
  if (change.systemUsersUnreadable !== undefined) {
    return `Its system users could not be read (${change.systemUsersUnreadable}); customers may lose their integration.`;
  }
  const count = change.systemUsers;
  if (count === undefined) return undefined;
  if (count === 0) return 'It has no system users: no customer loses an integration.';
  const customers = change.systemUserCustomers ?? [];
  const more = count - customers.length;
  const listed = `${customers.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
  const users = count === 1 ? '1 system user stops' : `${count} system users stop`;
  return `${users} working: ${count === 1 ? 'the customer' : 'customers'} ${listed}.`;
}
