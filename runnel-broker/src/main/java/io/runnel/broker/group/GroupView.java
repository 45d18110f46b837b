package io.runnel.broker.group;

import java.util.List;

/** An immutable snapshot of a group, for DescribeGroups and ListGroups. */
public record GroupView(String groupId, String state, String protocolType, String protocolName,
                        List<MemberView> members) {

    /** One member as DescribeGroups reports it. */
    public record MemberView(String memberId, String groupInstanceId, String clientId, String clientHost,
                             byte[] metadata, byte[] assignment) {
    }
}
