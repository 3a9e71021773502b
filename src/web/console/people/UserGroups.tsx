import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, minorUnits, problemOf } from '../form.tsx';
import { PagedTable } from '../PagedTable.tsx';
import type { Row } from '../types.ts';

type Group = Row<'/api/v1/admin/user-groups'>;

/** The group's rates, in basis points in the API and in percent on the form. */
const RATES = [
  ['sellerDiscountBps', 'Seller discount (%)'],
  ['adminDiscountBps', 'Store discount (%)'],
  ['sellerRewardBps', 'Seller reward rate (%)'],
  ['adminRewardBps', 'Store reward rate (%)'],
] as const;

type Rate = (typeof RATES)[number][0];
type Values = Record<'name' | Rate, string>;

const percent = (bps: number) => String(bps / 100);
const valuesOf = (g: Group | null): Values => ({
  name: g?.name ?? '',
  sellerDiscountBps: percent(g?.sellerDiscountBps ?? 0),
  adminDiscountBps: percent(g?.adminDiscountBps ?? 0),
  sellerRewardBps: percent(g?.sellerRewardBps ?? 0),
  adminRewardBps: percent(g?.adminRewardBps ?? 0),
});

/** The store's user groups: a form to create one or change the one picked, and the list. */
export function UserGroups() {
  const [editing, setEditing] = useState<Group | null>(null);
  return (
    <>
      <GroupForm key={editing?.id ?? 'new'} group={editing} onDone={() => setEditing(null)} />
      <PagedTable<Group>
        label="User groups"
        queryKey="/admin/user-groups"
        fetchPage={(cursor) =>
          call(() => bazaar.GET('/api/v1/admin/user-groups', { params: { query: { limit: 20, cursor } } }))
        }
        columns={[
          { header: 'Name', cell: (g) => g.name },
          {
            header: 'Discounts',
            cell: (g) => `seller ${g.sellerDiscountBps / 100} %, store ${g.adminDiscountBps / 100} %`,
          },
          {
            header: 'Rewards',
            cell: (g) => `seller ${g.sellerRewardBps / 100} %, store ${g.adminRewardBps / 100} %`,
          },
          {
            header: 'Actions',
            cell: (g) => (
              <>
                <button type="button" onClick={() => setEditing(g)}>
                  Edit {g.name}
                </button>
                <DeleteGroup group={g} />
              </>
            ),
          },
        ]}
      />
    </>
  );
}

/** A new group (no `group`) or the changes to one. */
function GroupForm(props: { group: Group | null; onDone: () => void }) {
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(valuesOf(props.group));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: values.name,
        ...Object.fromEntries(RATES.map(([rate]) => [rate, minorUnits(values[rate], 2)])),
      };
      const { group } = props;
      return call(() =>
        group
          ? bazaar.PATCH('/api/v1/admin/user-groups/{id}', { params: { path: { id: group.id } }, body })
          : bazaar.POST('/api/v1/admin/user-groups', { body }),
      );
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['/admin/user-groups'] });
      setValues(valuesOf(null));
      props.onDone();
    },
  });
  const { errorOf } = problemOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="product-form" onSubmit={submit} noValidate>
      <h2>{props.group ? `Change ${props.group.name}` : 'New group'}</h2>
      {([['name', 'Group name'], ...RATES] as const).map(([name, label]) => (
        <Field
          key={name}
          id={`group-${name}`}
          label={label}
          inputMode={name === 'name' ? undefined : 'decimal'}
          value={values[name]}
          error={errorOf(`/${name}`)}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        />
      ))}
      <FormProblem error={save.error} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {props.group ? 'Save group' : 'Create group'}
        </button>
        {props.group && (
          <button type="button" onClick={props.onDone}>
            Stop editing
          </button>
        )}
      </div>
    </form>
  );
}

/** Deletes a group after a second click; its members keep no group. */
function DeleteGroup(props: { group: Group }) {
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () =>
      call(() =>
        bazaar.DELETE('/api/v1/admin/user-groups/{id}', { params: { path: { id: props.group.id } } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/admin/user-groups'] }),
  });
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={remove.isPending}
        onClick={() => (asking ? remove.mutate() : setAsking(true))}
      >
        {asking ? `Confirm deleting ${props.group.name}` : `Delete ${props.group.name}`}
      </button>
      <FormProblem error={remove.error} />
    </>
  );
}
