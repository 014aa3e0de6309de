package org.baoxue.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Camunda's view of Baoxue's organisation, read-only: a user is an {@code org_user}; a group is a role at a unit
 * (type {@code WORKFLOW}, the candidate groups of the BPMN) or a role as such (type {@code SYSTEM}, named in
 * authorizations). The organisation holds hundreds of users, not millions: queries filter in memory.
 */
class OrgIdentityProvider implements ReadOnlyIdentityProvider {

    static final String UNIT_GROUP = "WORKFLOW";
    static final String ROLE_GROUP = "SYSTEM";

    private final OrgDirectory directory;
    private final PasswordEncoder passwordEncoder;

    OrgIdentityProvider(OrgDirectory directory, PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public User findUserById(String userId) {
        return directory.user(userId).map(OrgIdentityProvider::toUser).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new Users(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new Users(null);
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("Baoxue's users are not in Camunda's tables: native user queries are not supported");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return directory.user(userId)
                .filter(BaoxueUser::isEnabled)
                .map(u -> password != null && passwordEncoder.matches(password, u.getPassword()))
                .orElse(false);
    }

    @Override
    public Group findGroupById(String groupId) {
        return allGroups().get(groupId);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new Groups(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new Groups(null);
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenants(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenants(null);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    private Map<String, Group> allGroups() {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (BaoxueUser user : directory.allUsers()) {
            groupsOf(user).forEach(g -> groups.putIfAbsent(g.getId(), g));
        }
        return groups;
    }

    private static List<Group> groupsOf(BaoxueUser user) {
        List<Group> groups = new ArrayList<>();
        for (Role role : user.roles()) {
            groups.add(group(role.groupAt(user.unit()), role.key() + " · " + user.unit().name(), UNIT_GROUP));
            groups.add(group(role.key(), role.key(), ROLE_GROUP));
        }
        return groups;
    }

    private static Group group(String id, String name, String type) {
        GroupEntity group = new GroupEntity(id);
        group.setName(name);
        group.setType(type);
        return group;
    }

    private static User toUser(BaoxueUser user) {
        UserEntity entity = new UserEntity(user.getUsername());
        entity.setFirstName(user.displayName());
        entity.setLastName(user.unit().name());
        return entity;
    }

    private static Predicate<String> like(String pattern) {
        String regex = Arrays.stream(pattern.split("%", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        Pattern compiled = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return s -> s != null && compiled.matcher(s).matches();
    }

    private static <T> List<T> page(List<T> all, int firstResult, int maxResults) {
        int from = Math.min(Math.max(firstResult, 0), all.size());
        int to = (int) Math.min((long) from + maxResults, all.size());
        return all.subList(from, to);
    }

    private final class Users extends UserQueryImpl {

        Users(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().size();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(matching(), page != null ? page.getFirstResult() : getFirstResult(),
                    page != null ? page.getMaxResults() : getMaxResults());
        }

        private List<User> matching() {
            if (getTenantId() != null) {
                return List.of();
            }
            List<BaoxueUser> candidates = getGroupId() != null ? directory.members(getGroupId())
                    : getId() != null ? directory.user(getId()).map(List::of).orElse(List.of())
                    : directory.allUsers();
            return candidates.stream()
                    .filter(u -> getId() == null || getId().equals(u.getUsername()))
                    .filter(u -> getIds() == null || Arrays.asList(getIds()).contains(u.getUsername()))
                    .map(OrgIdentityProvider::toUser)
                    .filter(u -> getFirstName() == null || getFirstName().equals(u.getFirstName()))
                    .filter(u -> getFirstNameLike() == null || like(getFirstNameLike()).test(u.getFirstName()))
                    .filter(u -> getLastName() == null || getLastName().equals(u.getLastName()))
                    .filter(u -> getLastNameLike() == null || like(getLastNameLike()).test(u.getLastName()))
                    .filter(u -> getEmail() == null && getEmailLike() == null)
                    .sorted(Comparator.comparing(User::getId))
                    .toList();
        }
    }

    private final class Groups extends GroupQueryImpl {

        Groups(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return matching().size();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(matching(), page != null ? page.getFirstResult() : getFirstResult(),
                    page != null ? page.getMaxResults() : getMaxResults());
        }

        private List<Group> matching() {
            if (getTenantId() != null) {
                return List.of();
            }
            List<Group> candidates = getUserId() != null
                    ? directory.user(getUserId()).map(OrgIdentityProvider::groupsOf).orElse(List.of())
                    : List.copyOf(allGroups().values());
            return candidates.stream()
                    .filter(g -> getId() == null || getId().equals(g.getId()))
                    .filter(g -> getIds() == null || Arrays.asList(getIds()).contains(g.getId()))
                    .filter(g -> getName() == null || getName().equals(g.getName()))
                    .filter(g -> getNameLike() == null || like(getNameLike()).test(g.getName()))
                    .filter(g -> getType() == null || getType().equals(g.getType()))
                    .sorted(Comparator.comparing(Group::getId))
                    .toList();
        }
    }

    private static final class NoTenants extends TenantQueryImpl {

        NoTenants(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
