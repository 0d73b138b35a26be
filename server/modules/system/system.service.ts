import type { Context } from '../../graphql/context.ts';
import { version } from '../../version.ts';

export interface About {
  version: string;
  neo4jVersion: string;
  neo4jEdition: string;
  apoc: boolean;
}

export async function about(ctx: Context): Promise<About> {
  const [[row], [plugins]] = await Promise.all([ctx.gateway.read('system/about'), ctx.gateway.read('system/apoc')]);
  return {
    version,
    neo4jVersion: String(row?.version ?? 'unknown'),
    neo4jEdition: String(row?.edition ?? 'unknown'),
    apoc: plugins?.apoc === true,
  };
}
