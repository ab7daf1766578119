/**
 * Runs a check with a proxy named in the environment, every spelling axios and its helpers read, and
 * no exceptions to it, then puts the environment back as it was.
 */
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'npm_config_proxy', 'npm_config_https_proxy'];
const EXCEPTION_VARIABLES = ['NO_PROXY', 'no_proxy', 'npm_config_no_proxy'];

export async function withProxyInEnvironment<T>(proxyUrl: string, check: () => Promise<T>): Promise<T> {
  const saved = new Map([...PROXY_VARIABLES, ...EXCEPTION_VARIABLES].map((name) => [name, process.env[name]]));
  for (const name of PROXY_VARIABLES) process.env[name] = proxyUrl;
  for (const name of EXCEPTION_VARIABLES) delete process.env[name];
  try {
    return await check();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
