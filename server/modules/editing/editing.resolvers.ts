import type { Resolvers } from '../../graphql/resolvers.ts';
import * as editing from './editing.service.ts';

export const resolvers: Resolvers = {
  Mutation: {
    createEntity: (_root, args, ctx) => editing.createEntity(ctx, args.input),
    updateEntity: (_root, args, ctx) => editing.updateEntity(ctx, args.id, args.properties, args.provenance),
    createLink: (_root, args, ctx) => editing.createLink(ctx, args.input),
    updateLink: (_root, args, ctx) => editing.updateLink(ctx, args.id, args.input, args.provenance),
    annotate: (_root, args, ctx) => editing.annotate(ctx, args.targetId, args.text),
    retireEntity: (_root, args, ctx) => editing.retireEntity(ctx, args.id, args.reason),
    retireLink: (_root, args, ctx) => editing.retireLink(ctx, args.id, args.reason),
  },
};
