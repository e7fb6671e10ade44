package br.com.balcao.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FormConstraintsTest {

    interface Later {
    }

    record Signup(@NotBlank @Size(max = 80) String name,
            @NotNull @Range(min = 1, max = 10080) Integer minutes,
            @Size(min = 2, max = 40) @Length(max = 30) String nickname,
            @Min(5) @Max(9) @Range(max = 8) int slots,
            @Email String email,
            @NotEmpty List<String> tags,
            @NotBlank(groups = Later.class) String note,
            String free) {
    }

    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    final FormConstraints constraints = new FormConstraints(VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aRecordsComponentsConstraintsAreRead() {
        assertThat(constraints.of(Signup.class, "name")).isEqualTo(new FieldConstraints(true, null, 80, null, null));
        assertThat(constraints.of(Signup.class, "minutes")).isEqualTo(new FieldConstraints(true, null, null, 1L, 10080L));
        assertThat(constraints.of(Signup.class, "tags").required()).isTrue();
    }

    @Test
    void severalBoundsOnOneFieldGiveTheTightest() {
        assertThat(constraints.of(Signup.class, "nickname")).isEqualTo(new FieldConstraints(false, 2, 30, null, null));
        assertThat(constraints.of(Signup.class, "slots")).isEqualTo(new FieldConstraints(false, null, null, 5L, 8L));
    }

    @Test
    void aFieldWithNothingTheBrowserCanCheckOrNoSuchFieldHasNoConstraints() {
        assertThat(constraints.of(Signup.class, "email")).isEqualTo(FieldConstraints.NONE);
        assertThat(constraints.of(Signup.class, "free")).isEqualTo(FieldConstraints.NONE);
        assertThat(constraints.of(Signup.class, "missing")).isEqualTo(FieldConstraints.NONE);
    }

    @Test
    void onlyTheConstraintsAPlainValidationChecksCount() {
        assertThat(constraints.of(Signup.class, "note")).isEqualTo(FieldConstraints.NONE);
    }

    @Test
    void aFieldIsReadOnce() {
        assertThat(constraints.of(Signup.class, "name")).isSameAs(constraints.of(Signup.class, "name"));
    }
}
