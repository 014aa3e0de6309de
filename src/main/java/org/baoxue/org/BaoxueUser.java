package org.baoxue.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in official: who they are, their unit and their roles there. */
public final class BaoxueUser implements UserDetails, CredentialsContainer {

    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final Unit unit;
    private final Set<Role> roles;

    public BaoxueUser(String username, String displayName, String passwordHash, boolean enabled, Unit unit, Set<Role> roles) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.unit = unit;
        this.roles = Set.copyOf(roles);
    }

    public String displayName() {
        return displayName;
    }

    public Unit unit() {
        return unit;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Jurisdiction jurisdiction() {
        return unit.jurisdiction();
    }

    /** The candidate groups this user works for: each role at the user's unit. */
    public List<String> candidateGroups() {
        return roles.stream().filter(Role::isOfficial).map(r -> r.groupAt(unit)).sorted().toList();
    }

    /** Every Camunda group of the user: the candidate groups plus one group per role, which authorizations name. */
    public List<String> camundaGroups() {
        List<String> groups = new ArrayList<>();
        roles.forEach(r -> groups.add(r.groupAt(unit)));
        roles.forEach(r -> groups.add(r.key()));
        return groups;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaoxueUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "BaoxueUser[" + username + "@" + unit.code() + "]";
    }
}
