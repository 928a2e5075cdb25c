package dev.credwatch.demo.fakeaws;

import com.amazonaws.AmazonServiceException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Runs an SDK call that must fail with a service error, and returns that error as the SDK parsed it. */
final class Errors {
    private Errors() {
    }

    /** The error code, status and message an SDK reported, in one comparable value. */
    record Seen(String code, int status, String message, String exceptionClass) {
    }

    static Seen v1(Runnable call) {
        try {
            call.run();
        } catch (AmazonServiceException e) {
            return new Seen(e.getErrorCode(), e.getStatusCode(), e.getErrorMessage(), e.getClass().getSimpleName());
        }
        throw new AssertionError("expected an AmazonServiceException");
    }

    static Seen v2(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return new Seen(e.awsErrorDetails().errorCode(), e.statusCode(), e.awsErrorDetails().errorMessage(),
                    e.getClass().getSimpleName());
        }
        throw new AssertionError("expected an AwsServiceException");
    }
}
