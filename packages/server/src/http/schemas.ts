import Type from 'typebox';

/** Shared response pieces for route schemas. */
export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, see the ErrorCode schema.' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorEnvelope', description: 'Every error response has this shape.' },
);

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const standardErrors = {
  400: ErrorEnvelope,
  401: ErrorEnvelope,
  403: ErrorEnvelope,
  404: ErrorEnvelope,
  429: ErrorEnvelope,
};

export const Uuid = Type.String({ format: 'uuid', description: 'UUIDv7' });
export const IsoTime = Type.String({ format: 'date-time' });
export const WorkspaceParams = Type.Object({ workspaceId: Uuid });

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 100 })),
});
