import type { MethodOutput } from '../../../electron/app/contract';
import type { ActionView } from '../agenda/queries';

type Holder = NonNullable<ActionView['holder']>;

/**
 * Who can hold an action, as one searchable list: staff by code first ("awo — Anna Wolters", so
 * typing "awo" finds her), then the school's partners, then the parents and the student.
 */
export interface HolderGroup {
  group: string;
  items: { value: string; label: string }[];
}

export function holderOptions(staff: MethodOutput<'staff.list'>, partners: MethodOutput<'partners.list'>): HolderGroup[] {
  return [
    {
      group: 'Medewerkers',
      items: staff.filter((s) => s.active).map((s) => ({ value: `staff:${s.id}`, label: `${s.code} — ${s.name}` })),
    },
    {
      group: 'Externe partners',
      items: partners.filter((p) => p.active).map((p) => ({ value: `partner:${p.id}`, label: p.organisation })),
    },
    {
      group: 'Thuis',
      items: [
        { value: 'ouders', label: 'Ouders' },
        { value: 'leerling', label: 'Leerling' },
      ],
    },
  ];
}

export function holderValue(holder: ActionView['holder']): string | null {
  if (!holder) return null;
  if (holder.kind === 'staff') return holder.staffId ? `staff:${holder.staffId}` : null;
  if (holder.kind === 'partner') return holder.partnerId ? `partner:${holder.partnerId}` : null;
  return holder.kind;
}

export function holderFrom(value: string | null): Holder | null {
  if (!value) return null;
  if (value.startsWith('staff:')) return { kind: 'staff', staffId: value.slice(6), partnerId: null };
  if (value.startsWith('partner:')) return { kind: 'partner', staffId: null, partnerId: value.slice(8) };
  return { kind: value === 'ouders' ? 'ouders' : 'leerling', staffId: null, partnerId: null };
}

/**
 * What a typed text means when the secretary presses Enter or Tab: an exact staff code ("awo"),
 * an exact name, or the only option that contains it. Null when it is not clear.
 */
export function typedHolder(groups: HolderGroup[], typed: string): string | null {
  const text = typed.trim().toLocaleLowerCase('nl');
  if (!text) return null;
  const all = groups.flatMap((g) => g.items);
  const label = (o: { label: string }) => o.label.toLocaleLowerCase('nl');
  const exact = all.find((o) => label(o).startsWith(`${text} — `)) ?? all.find((o) => label(o) === text);
  if (exact) return exact.value;
  const containing = all.filter((o) => label(o).includes(text));
  return containing.length === 1 ? containing[0]!.value : null;
}
