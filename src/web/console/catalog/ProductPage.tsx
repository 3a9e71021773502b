import { Link } from 'wouter';
import { Section } from '../shell.tsx';
import { ProductDetails } from './ProductDetails.tsx';
import { ProductImages } from './ProductImages.tsx';
import { ProductVariants } from './ProductVariants.tsx';
import { useProduct } from './product.ts';

/** A product's page in the store's console: its details, variants with their offers, and images. */
export function ProductPage(props: { params: Record<string, string | undefined> }) {
  const product = useProduct(props.params.id ?? '');
  if (product.isPending) return <p>Loading…</p>;
  if (product.isError) return <p role="alert">{product.error.message}</p>;
  const p = product.data;
  return (
    <Section title={p.name}>
      <p className="actions">
        <Link href="/products">All products</Link>
        {p.status === 'ACTIVE' && <a href={`/products/${p.slug}`}>See it in the shop</a>}
      </p>
      <div className="product-page">
        <ProductDetails product={p} />
        <div>
          <ProductVariants product={p} />
          <ProductImages product={p} />
        </div>
      </div>
    </Section>
  );
}
