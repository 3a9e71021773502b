import type { AddressInfo } from 'node:net';
import dns2 from 'dns2';

/**
 * A loopback name server answering TXT queries from `records` (by name; NXDOMAIN for others), for
 * custom-domain verification. Its port, and `close`.
 */
export async function startTxtDns(records: Map<string, string[][]>) {
  const dns = dns2.createUDPServer((request, send) => {
    const name = request.questions[0]?.name ?? '';
    const response = dns2.Packet.createResponseFromRequest(request);
    const txt = records.get(name);
    if (!txt) response.header.rcode = 3; // NXDOMAIN
    for (const data of txt ?? [])
      response.answers.push({
        name,
        type: dns2.Packet.TYPE.TXT,
        class: dns2.Packet.CLASS.IN,
        ttl: 60,
        data,
      } as unknown as dns2.Packet.Resource);
    send(response);
  });
  await dns.listen(0, '127.0.0.1');
  return { port: (dns.address() as AddressInfo).port, close: () => dns.close() };
}
