import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** An S3-compatible stand-in on 127.0.0.1 (s3rver), with one bucket, kept in a temporary folder. */
export async function startS3(bucket = 'media') {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bazaar-s3-'));
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await s3.run();
  return {
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    /** s3rver takes any key pair it is configured with; these are its defaults. */
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async stop() {
      await s3.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
