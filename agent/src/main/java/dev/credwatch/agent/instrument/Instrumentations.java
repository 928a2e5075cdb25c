package dev.credwatch.agent.instrument;

import dev.credwatch.agent.instrument.core.TypeInstrumentation;
import dev.credwatch.agent.instrument.v1.BaseCredentialsFetcherInstrumentation;
import dev.credwatch.agent.instrument.v1.InstanceMetadataServiceResourceFetcherInstrumentation;
import dev.credwatch.agent.instrument.v1.ProcessCredentialsProviderInstrumentation;
import dev.credwatch.agent.instrument.v1.RefreshableTaskInstrumentation;
import dev.credwatch.agent.instrument.v1.RequestExecutorInstrumentation;
import dev.credwatch.agent.instrument.v2.AwsCredentialsAuthorizationStrategyInstrumentation;
import dev.credwatch.agent.instrument.v2.CachedSupplierInstrumentation;
import dev.credwatch.agent.instrument.v2.ExecutionInterceptorChainInstrumentation;
import dev.credwatch.agent.instrument.v2.InstanceProfileCredentialsProviderInstrumentation;
import dev.credwatch.agent.instrument.v2.RetryableStageHelperInstrumentation;
import dev.credwatch.agent.instrument.v2.StsCredentialsProviderInstrumentation;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every SDK type credwatch instruments, each listed once. */
final class Instrumentations {
    static final List<TypeInstrumentation> ALL = Collections.unmodifiableList(Arrays.<TypeInstrumentation>asList(
            new RequestExecutorInstrumentation(),
            new BaseCredentialsFetcherInstrumentation(BaseCredentialsFetcherInstrumentation.BASE_CREDENTIALS_FETCHER),
            new BaseCredentialsFetcherInstrumentation(BaseCredentialsFetcherInstrumentation.EC2_CREDENTIALS_FETCHER),
            new RefreshableTaskInstrumentation(),
            new InstanceMetadataServiceResourceFetcherInstrumentation(),
            new ProcessCredentialsProviderInstrumentation(),
            new ExecutionInterceptorChainInstrumentation(),
            new RetryableStageHelperInstrumentation(),
            new AwsCredentialsAuthorizationStrategyInstrumentation(),
            new CachedSupplierInstrumentation(),
            new InstanceProfileCredentialsProviderInstrumentation(),
            new StsCredentialsProviderInstrumentation()));

    private Instrumentations() {
    }

    /** Each instrumented type by its internal name (slashes), as the JVM hands names to a transformer. */
    static Map<String, TypeInstrumentation> byInternalName() {
        Map<String, TypeInstrumentation> types = new HashMap<String, TypeInstrumentation>();
        for (TypeInstrumentation instrumentation : ALL) {
            types.put(instrumentation.typeName().replace('.', '/'), instrumentation);
        }
        return Collections.unmodifiableMap(types);
    }
}
