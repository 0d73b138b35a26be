import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { Resolvers } from '../../graphql/resolvers.ts';
import * as charts from './chart.service.ts';

/** Literal JSON in a query document (variables are the usual way to send a chart). */
function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    default:
      return null;
  }
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});

export const resolvers: Resolvers = {
  JSON: JSONScalar,
  Query: {
    charts: (_root, _args, ctx) => charts.list(ctx),
    chart: (_root, args, ctx) => charts.get(ctx, args),
    chartVersions: (_root, args, ctx) => charts.versions(ctx, args.id),
  },
  Mutation: {
    saveChart: (_root, args, ctx) => charts.save(ctx, args.name, args.document, args.sharedWithPartners),
    deleteChart: (_root, args, ctx) => charts.remove(ctx, args.id),
    shareChart: (_root, args, ctx) => charts.share(ctx, args.id, args.with, args.mode),
    unshareChart: (_root, args, ctx) => charts.unshare(ctx, args.id, args.with),
    restoreChartVersion: (_root, args, ctx) => charts.restore(ctx, args.id, args.version),
    chartPresence: (_root, args, ctx) => charts.presence(ctx, args.chartId),
  },
  Chart: {
    notes: (parent, _args, ctx) => charts.notes(ctx, String(parent.id)),
  },

};
