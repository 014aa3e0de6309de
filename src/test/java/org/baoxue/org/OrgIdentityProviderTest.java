package org.baoxue.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.baoxue.BaoxueTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaoxueTest
class OrgIdentityProviderTest {

    @Autowired IdentityService identity;

    @Test
    void camundaSeesTheUsersOfAUnitGroup() {
        List<String> members = identity.createUserQuery().memberOfGroup("class-teacher:3137001001").list()
                .stream().map(User::getId).toList();
        assertThat(members).contains("teacher").doesNotContain("teacher2", "leader");

        User teacher = identity.createUserQuery().userId("teacher").singleResult();
        assertThat(teacher.getFirstName()).isEqualTo("王丽");
        assertThat(teacher.getLastName()).isEqualTo("东平县老湖镇中心小学");
    }

    @Test
    void aUsersGroupsAreTheirRolesAtTheirUnitAndTheRolesThemselves() {
        List<Group> groups = identity.createGroupQuery().groupMember("township").list();
        assertThat(groups).extracting(Group::getId).containsExactlyInAnyOrder("township-official:370923101", "township-official");
        assertThat(identity.createGroupQuery().groupMember("township").groupType("WORKFLOW").list())
                .extracting(Group::getId).containsExactly("township-official:370923101");
        assertThat(identity.createGroupQuery().groupId("county-edu:370923").singleResult().getName()).contains("东平县");
    }

    @Test
    void queriesFilterAndPage() {
        assertThat(identity.createUserQuery().userFirstNameLike("王%").list()).extracting(User::getId).contains("teacher");
        long all = identity.createUserQuery().count();
        assertThat(identity.createUserQuery().listPage(0, 3)).hasSize(3);
        assertThat(identity.createUserQuery().listPage((int) all - 1, 10)).hasSize(1);
        assertThat(identity.createGroupQuery().groupIdIn("admin", "modeler").count()).isEqualTo(2);
        assertThat(identity.createTenantQuery().count()).isZero();
    }

    @Test
    void passwordsAreCheckedAgainstTheHashAndTheIdentityIsReadOnly() {
        assertThat(identity.checkPassword("teacher", DemoOrganisation.DEMO_PASSWORD)).isTrue();
        assertThat(identity.checkPassword("teacher", "wrong")).isFalse();
        assertThat(identity.isReadOnly()).isTrue();
    }
}
