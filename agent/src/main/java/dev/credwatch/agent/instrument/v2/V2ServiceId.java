package dev.credwatch.agent.instrument.v2;

import java.util.HashMap;
import java.util.Map;

/**
 * SDK v2 names a service by its client's Java name ({@code Sqs}, {@code MemoryDb}); SDK v1 and the AWS
 * conventions (span names, {@code rpc.service}) use the service id ({@code SQS}, {@code MemoryDB}). The id
 * itself only appears as a literal in each generated client, so the names that differ are listed here;
 * most ({@code S3}, {@code Lambda}, {@code Kinesis}) are already equal.
 */
final class V2ServiceId {
    private static final Map<String, String> IDS = new HashMap<String, String>();

    static {
        for (String id : new String[] {"SQS", "SNS", "STS", "IAM", "KMS", "EC2", "ECS", "ECR", "EKS", "EMR",
            "RDS", "SSM", "SES", "SSO", "ACM", "SFN", "MQ", "WAF", "DocDB", "DynamoDB", "MemoryDB", "CloudHSM",
            "DAX", "EFS", "EBS", "FSx"}) {
            IDS.put(clientName(id), id);
        }
        IDS.put("SesV2", "SESv2");
        IDS.put("SsoOidc", "SSO OIDC");
        IDS.put("CognitoIdentity", "Cognito Identity");
        IDS.put("SecretsManager", "Secrets Manager");
        IDS.put("CloudWatchLogs", "CloudWatch Logs");
        IDS.put("ElasticLoadBalancingV2", "Elastic Load Balancing v2");
    }

    private V2ServiceId() {
    }

    /** The service id for a v2 {@code SERVICE_NAME}; the name itself when no different id is known. */
    static String of(String serviceName) {
        if (serviceName == null) {
            return null;
        }
        String id = IDS.get(serviceName);
        return id != null ? id : serviceName;
    }

    /** How the v2 code generator spells an all-capitals id: {@code DynamoDB} → {@code DynamoDb}. */
    private static String clientName(String id) {
        StringBuilder name = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean afterCapital = i > 0 && Character.isUpperCase(id.charAt(i - 1));
            name.append(afterCapital && Character.isUpperCase(c) ? Character.toLowerCase(c) : c);
        }
        return name.toString();
    }
}
