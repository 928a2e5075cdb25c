package dev.credwatch.demo.fakeaws;

/** The three wire protocols the fake speaks; they decide the shape and the name of each error. */
enum Wire {
    /** AWS query protocol: form parameters in, XML out (STS, SNS, SQS before its JSON switch). */
    QUERY,
    /** AWS JSON 1.0/1.1: X-Amz-Target + JSON body in, JSON out (SQS today, MemoryDB). */
    JSON,
    /** S3 REST-XML. */
    S3
}
