-- Whose key it is (IdempotentRequests.namespace): 'token:' + SHA-256 of the token's access scope (issuer,
-- subject, roles, company, partner, municipality), so that a caller whose access changed never gets an
-- answer kept for its earlier access; or 'anonymous:' + the request's hash, so that anonymous callers
-- never share a key across different requests.
comment on column idempotency_key.caller is
    'token:<SHA-256 of issuer, subject, roles and access claims> or anonymous:<request hash>';
