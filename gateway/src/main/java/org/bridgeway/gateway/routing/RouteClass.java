package org.bridgeway.gateway.routing;

/** Requests are limited by what they cost: bulk ingest, other writes, reads. */
public enum RouteClass {
    BULK,
    WRITE,
    READ;

    public static RouteClass of(String method, String path) {
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return READ;
        }
        if ("POST".equals(method) && (path.endsWith("/batches") || path.endsWith("/roster"))) {
            return BULK;
        }
        return WRITE;
    }
}
