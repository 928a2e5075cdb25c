package dev.credwatch.demo;

/** What a scenario's application does: one or a few SDK calls. Throws whatever the SDK throws. */
@FunctionalInterface
public interface SdkCall {
    void call(DemoContext context) throws Exception;
}
