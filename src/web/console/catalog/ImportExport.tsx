import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { paths } from '../../../client/index.ts';
import { bazaar, call } from '../api.ts';
import { FormProblem } from '../form.tsx';
import { Section } from '../shell.tsx';

/**
 * Products in and out as Shopify product CSV. The API imports a file in the one request and
 * answers its report (counts and each refused line with its reason), so the page shows the file
 * on its way and then the report; good lines land even when others are refused.
 */
export function ImportExportPage() {
  return (
    <Section title="Import / export products">
      <p className="actions">
        <Link href="/products">All products</Link>
      </p>
      <ImportForm />
      <Export />
    </Section>
  );
}

function ImportForm() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (csv: File) =>
      call(() =>
        bazaar.POST('/api/v1/admin/products/import', {
          // the body is the file itself, as text/csv
          body: csv as never,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/admin/products'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) run.mutate(file);
  };
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" disabled={!file || run.isPending}>
          Import products
        </button>
      </form>
      {run.isPending && file && (
        <p role="status">
          Importing {file.name} ({Math.ceil(file.size / 1024)} KB)… <progress aria-label="Import" />
        </p>
      )}
      <FormProblem error={run.error} />
      {run.data && <ImportReport report={run.data} />}
    </section>
  );
}

type Report = paths['/api/v1/admin/products/import']['post']['responses'][200]['content']['application/json'];

function ImportReport(props: { report: Report }) {
  const r = props.report;
  return (
    <>
      <p role="status">
        {`${r.rows} lines read: ${r.created} products created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.failed} refused.`}
      </p>
      {r.errors.length > 0 && (
        <table aria-label="Refused lines">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Handle</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {r.errors.map((e) => (
              <tr key={`${e.line}-${e.reason}`}>
                <td data-label="Line">{e.line}</td>
                <td data-label="Handle">{e.handle ?? '–'}</td>
                <td data-label="Reason">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Downloads the store's products as CSV: fetched with the session's token, saved through an object URL. */
function Export() {
  const download = useMutation({
    mutationFn: () => call(() => bazaar.GET('/api/v1/admin/products/export', { parseAs: 'blob' })),
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob as Blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'products.csv';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  });
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
        Download products CSV
      </button>
      <FormProblem error={download.error} />
    </section>
  );
}
