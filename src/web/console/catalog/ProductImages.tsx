import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { bazaar, call } from '../api.ts';
import { Field, FormProblem, problemOf } from '../form.tsx';
import { type Product, useProductChanged, useProductReload } from './product.ts';

type Image = Product['images'][number];

/** Uploads a picture for a product (the server checks its real type, size and dimensions). */
export function ImageUpload(props: { productId: string; altText: string; onUploaded?: () => void }) {
  const [state, setState] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      call(() =>
        bazaar.POST('/api/v1/admin/products/{id}/images', {
          params: { path: { id: props.productId }, query: { altText: props.altText } },
          // the body is the image itself, sent as it is with its own type
          body: file as never,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': file.type },
        }),
      ),
    onSuccess: () => {
      setState('Uploaded');
      props.onUploaded?.();
    },
    onError: (error) => setState(error.message),
  });
  const id = `image-${props.productId}`;
  return (
    <span className="upload">
      <label htmlFor={id}>Upload image</label>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
        }}
      />
      {state && <span role={state === 'Uploaded' ? 'status' : 'alert'}>{state}</span>}
    </span>
  );
}

/** A product's pictures: each with its alt text, made primary, moved, removed; new ones uploaded or by address. */
export function ProductImages(props: { product: Product }) {
  const { product } = props;
  const reload = useProductReload();
  return (
    <section aria-labelledby="images-heading">
      <h2 id="images-heading">Images</h2>
      {product.images.length === 0 && <p>No pictures yet.</p>}
      <ol className="images">
        {product.images.map((image, index) => (
          <ImageItem key={image.id} product={product} image={image} index={index} />
        ))}
      </ol>
      <ImageUpload productId={product.id} altText={product.name} onUploaded={() => void reload(product.id)} />
      <ImageByUrl product={product} />
    </section>
  );
}

function ImageItem(props: { product: Product; image: Image; index: number }) {
  const { product, image, index } = props;
  const reload = useProductReload();
  const [alt, setAlt] = useState(image.altText ?? '');
  const path = { id: product.id, imageId: image.id };
  const change = useMutation({
    mutationFn: (body: { altText?: string | null; primary?: true }) =>
      call(() => bazaar.PATCH('/api/v1/admin/products/{id}/images/{imageId}', { params: { path }, body })),
    onSuccess: () => reload(product.id),
  });
  const remove = useMutation({
    mutationFn: () =>
      call(() => bazaar.DELETE('/api/v1/admin/products/{id}/images/{imageId}', { params: { path } })),
    onSuccess: () => reload(product.id),
  });
  const move = useMutation({
    mutationFn: (to: number) => {
      const ids = product.images.map((i) => i.id).filter((id) => id !== image.id);
      ids.splice(to, 0, image.id);
      const body = { imageIds: ids };
      return call(() =>
        bazaar.PUT('/api/v1/admin/products/{id}/images/order', {
          params: { path: { id: product.id } },
          body,
        }),
      );
    },
    onSuccess: () => reload(product.id),
  });
  const n = index + 1;
  const error = change.error ?? remove.error ?? move.error;
  return (
    <li className="image">
      <img src={image.url} alt={image.altText ?? ''} width={96} height={96} />
      <div>
        <Field
          id={`alt-${image.id}`}
          label={`Alt text of image ${n}`}
          value={alt}
          error={problemOf(change.error).errorOf('/altText')}
          onChange={(e) => setAlt(e.target.value)}
        />
        <p className="actions">
          <button type="button" onClick={() => change.mutate({ altText: alt.trim() || null })}>
            Save alt text
          </button>
          {image.primary ? (
            <strong>Primary</strong>
          ) : (
            <button type="button" onClick={() => change.mutate({ primary: true })}>
              Make primary
            </button>
          )}
          <button type="button" disabled={index === 0} onClick={() => move.mutate(index - 1)}>
            Move image {n} up
          </button>
          <button
            type="button"
            disabled={index === product.images.length - 1}
            onClick={() => move.mutate(index + 1)}
          >
            Move image {n} down
          </button>
          <button type="button" onClick={() => remove.mutate()}>
            Remove image {n}
          </button>
        </p>
        <FormProblem error={error} />
      </div>
    </li>
  );
}

/** Adds a picture by its address: the product's images as they are, and the new one last. */
function ImageByUrl(props: { product: Product }) {
  const changed = useProductChanged();
  const [url, setUrl] = useState('');
  const [alt, setAlt] = useState('');
  const add = useMutation({
    mutationFn: () => {
      const kept = props.product.images.map((i) => ({
        url: i.url,
        altText: i.altText ?? '',
        primary: i.primary,
      }));
      const body = { images: [...kept, { url: url.trim(), altText: alt.trim() }] };
      const path = { id: props.product.id };
      return call(() => bazaar.PATCH('/api/v1/admin/products/{id}', { params: { path }, body }));
    },
    onSuccess: (product) => {
      changed(product);
      setUrl('');
      setAlt('');
    },
  });
  const at = `/images/${props.product.images.length}`;
  const { errorOf } = problemOf(add.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field
        id="image-url"
        label="Image address"
        value={url}
        error={errorOf(`${at}/url`) ?? errorOf('/images')}
        onChange={(e) => setUrl(e.target.value)}
      />
      <Field
        id="image-alt"
        label="Its alt text"
        value={alt}
        error={errorOf(`${at}/altText`)}
        onChange={(e) => setAlt(e.target.value)}
      />
      <button type="submit" disabled={add.isPending}>
        Add image by address
      </button>
      <FormProblem error={add.error} />
    </form>
  );
}
