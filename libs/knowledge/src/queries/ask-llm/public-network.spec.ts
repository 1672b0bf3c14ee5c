import { LookupAddress } from 'node:dns';
import { isPublicAddress, PrivateAddressError, privateLiteralHost, publicLookup } from './public-network';

describe('the LLM call’s public network guard', () => {
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => expect(isPublicAddress(address)).toBe(true));
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255', '224.0.0.1', '::1', '::', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '2002:7f00:1::1', 'not an address'])('%s is not', (address) =>
    expect(isPublicAddress(address)).toBe(false),
  );

  it('names a URL host that is a non-public IP literal or localhost, and leaves names to the lookup', () => {
    expect(privateLiteralHost('http://127.0.0.1:8080/v1/chat/completions')).toBe('127.0.0.1');
    expect(privateLiteralHost('http://[::1]/v1')).toBe('::1');
    expect(privateLiteralHost('http://[::ffff:a9fe:a9fe]/latest/meta-data')).toBe('::ffff:a9fe:a9fe');
    expect(privateLiteralHost('http://LOCALHOST:11434/v1')).toBe('localhost');
    expect(privateLiteralHost('http://ollama.localhost/v1')).toBe('ollama.localhost');
    expect(privateLiteralHost('https://8.8.8.8/v1')).toBeNull();
    expect(privateLiteralHost('https://api.openai.com/v1')).toBeNull();
  });

  const resolving =
    (addresses: LookupAddress[]) =>
    (_hostname: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, found: LookupAddress[]) => void) =>
      callback(null, addresses);
  const look = (addresses: LookupAddress[], all: boolean) =>
    new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) => publicLookup(resolving(addresses))('llm.example', { all }, (error, address, family) => resolve({ error, address, family })));

  it('passes a name that resolves to public addresses only, in the shape asked for', async () => {
    const addresses = [
      { address: '8.8.8.8', family: 4 },
      { address: '2001:4860:4860::8888', family: 6 },
    ];
    expect(await look(addresses, false)).toEqual({ error: null, address: '8.8.8.8', family: 4 });
    expect(await look(addresses, true)).toEqual({ error: null, address: addresses, family: undefined });
  });

  it('fails a name with any non-public address among its results, or none', async () => {
    const mixed = await look(
      [
        { address: '8.8.8.8', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ],
      false,
    );
    expect(mixed.error).toBeInstanceOf(PrivateAddressError);
    expect(mixed.error?.message).toBe('llm.example is not a public internet address');
    expect((await look([], true)).error).toBeInstanceOf(PrivateAddressError);
  });

  it('passes a resolver error on', async () => {
    const failure = Object.assign(new Error('getaddrinfo ENOTFOUND llm.example'), { code: 'ENOTFOUND' });
    const error = await new Promise<Error | null>((resolve) => publicLookup((_hostname, _options, callback) => callback(failure, []))('llm.example', {}, (found) => resolve(found)));
    expect(error).toBe(failure);
  });
});
