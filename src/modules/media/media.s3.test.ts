import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';
import {
  anonymous,
  as,
  createAdmin,
  createProduct,
  imageFacts,
  makeImage,
  startS3,
  type TestUser,
} from '../../../test/kit/index.ts';

let s3: Awaited<ReturnType<typeof startS3>>;
let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  s3 = await startS3();
  server = await createTestServer({
    env: {
      MEDIA_STORAGE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
  });
  admin = await createAdmin(server);
});
afterAll(async () => {
  await server?.destroy();
  await s3?.stop();
});

describe('product images in an S3-compatible bucket', () => {
  it('stores an upload and its variants in the bucket, serves them, and deletes them with the image', async () => {
    const product = await createProduct(server, admin);
    const res = await as(admin).post(
      `/admin/products/${product.id}/images`,
      await makeImage('jpeg', 700, 350),
      {
        'content-type': 'image/jpeg',
      },
    );
    expect(res.statusCode).toBe(201);
    const image = res.json();
    const variant = (image.srcset as string).split(', ')[1]!.split(' ')[0]!;
    const served = await anonymous(server).get(variant.replace('/api/v1', ''));
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await imageFacts(served.rawPayload)).toMatchObject({ format: 'webp', width: 480 });
    expect((await as(admin).del(`/admin/products/${product.id}/images/${image.id}`)).statusCode).toBe(204);
    expect((await anonymous(server).get(variant.replace('/api/v1', ''))).statusCode).toBe(404);
    expect((await anonymous(server).get(image.url.replace('/api/v1', ''))).statusCode).toBe(404);
  });
});
