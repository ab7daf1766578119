/**
 * A person as people call them. Some sources (a local queue file, an e-mail-only requester) give
 * only an address; a group of colleagues labelled `jo.bloggs@example.com` reads as a system, not a
 * person, so the address's local part becomes `Jo Bloggs`.
 */
export function personName(person: { readonly id: string; readonly name: string }): string {
  const name = person.name.trim() === '' ? person.id : person.name.trim();
  const at = name.indexOf('@');
  if (at <= 0) return name;
  return name
    .slice(0, at)
    .split(/[._+-]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}
