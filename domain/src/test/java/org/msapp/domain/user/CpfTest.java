package org.msapp.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.msapp.domain.Fixtures.refusal;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpfTest {

    @ParameterizedTest
    @CsvSource({
            "11144477735,    11144477735, ***.444.777-**",
            "52998224725,    52998224725, ***.982.247-**",
            "123.456.789-09, 12345678909, ***.456.789-**",
            "111.444.777-35, 11144477735, ***.444.777-**",
    })
    void a_cpf_with_valid_check_digits_is_kept_as_digits(String input, String digits, String masked) {
        Cpf cpf = Cpf.of(input);
        assertThat(cpf.digits()).isEqualTo(digits);
        assertThat(cpf.value()).isEqualTo(digits);
        assertThat(cpf.masked()).isEqualTo(masked);
    }

    @Test
    void surrounding_white_space_is_stripped() {
        assertThat(Cpf.of("  529.982.247-25 ").digits()).isEqualTo("52998224725");
    }

    @Test
    void a_formatted_and_a_bare_cpf_are_the_same_cpf() {
        assertThat(Cpf.of("123.456.789-09")).isEqualTo(Cpf.of("12345678909"));
    }

    /** Every other digit in position 10 (first check digit) or 11 (second) of a valid CPF. */
    static Stream<String> wrongCheckDigits() {
        return Stream.of("11144477735", "52998224725", "12345678909").flatMap(valid ->
                IntStream.of(9, 10).boxed().flatMap(position ->
                        IntStream.rangeClosed(0, 9)
                                .filter(d -> d != valid.charAt(position) - '0')
                                .mapToObj(d -> valid.substring(0, position) + d + valid.substring(position + 1))));
    }

    @ParameterizedTest
    @MethodSource("wrongCheckDigits")
    void a_cpf_with_a_wrong_check_digit_is_refused(String input) {
        assertThat(refusal("cpf", () -> Cpf.of(input)).reason()).isEqualTo("is not a valid CPF");
    }

    @Test
    void the_first_and_the_second_check_digit_are_each_checked() {
        assertThat(refusal("cpf", () -> Cpf.of("11144477745")).reason()).isEqualTo("is not a valid CPF");
        assertThat(refusal("cpf", () -> Cpf.of("11144477736")).reason()).isEqualTo("is not a valid CPF");
        assertThat(refusal("cpf", () -> Cpf.of("529.982.247-15")).reason()).isEqualTo("is not a valid CPF");
        assertThat(refusal("cpf", () -> Cpf.of("529.982.247-26")).reason()).isEqualTo("is not a valid CPF");
    }

    static Stream<String> sameDigits() {
        return IntStream.rangeClosed(0, 9).mapToObj(d -> Integer.toString(d)).flatMap(d -> Stream.of(
                d.repeat(11), d.repeat(3) + "." + d.repeat(3) + "." + d.repeat(3) + "-" + d.repeat(2)));
    }

    @ParameterizedTest
    @MethodSource("sameDigits")
    void every_all_same_digit_number_is_refused_though_its_check_digits_add_up(String input) {
        assertThat(refusal("cpf", () -> Cpf.of(input)).reason()).isEqualTo("is not a valid CPF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "1114447773", "111444777350", "1", "111.444.777-3", "111.444.777-355",
            "1114447773a", "abcdefghijk", "111.444.777/35", "111 444 777 35", "111..444.777-35", "+11144477735",
            "\u0661\u0661\u0661\u0664\u0664\u0664\u0667\u0667\u0667\u0663\u0665",
            "\uff11\uff11\uff11\uff14\uff14\uff14\uff17\uff17\uff17\uff13\uff15"})
    void a_cpf_of_the_wrong_length_or_with_letters_or_other_characters_is_refused(String input) {
        assertThat(refusal("cpf", () -> Cpf.of(input)).reason())
                .isEqualTo("must be 11 digits, optionally formatted as 123.456.789-09");
    }

    @Test
    void a_missing_cpf_is_required() {
        assertThat(refusal("cpf", () -> Cpf.of(null)).reason()).isEqualTo("is required");
    }

    @ParameterizedTest
    @CsvSource({
            "00000000000,    ***.000.000-**",
            "11144477736,    ***.444.777-**",
            "abcdefghijk,    ***.def.ghi-**",
            "123,            ***.***.***-**",
            "111.444.777-35, ***.***.***-**",
            "111444777350,   ***.***.***-**",
    })
    void a_stored_cpf_is_taken_as_it_is_and_masked(String stored, String masked) {
        Cpf cpf = Cpf.stored(stored);
        assertThat(cpf.digits()).isEqualTo(stored);
        assertThat(cpf.masked()).isEqualTo(masked);
        assertThat(cpf).hasToString(masked);
    }

    @Test
    void an_empty_stored_cpf_is_masked_whole() {
        assertThat(Cpf.stored("").masked()).isEqualTo("***.***.***-**");
    }

    @Test
    void a_stored_null_cpf_is_a_broken_store() {
        assertThatThrownBy(() -> Cpf.stored(null)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11144477735", "52998224725", "123.456.789-09"})
    void to_string_never_shows_the_digits(String input) {
        Cpf cpf = Cpf.of(input);
        assertThat(cpf.toString()).isEqualTo(cpf.masked())
                .doesNotContain(cpf.digits())
                .doesNotContain(cpf.digits().substring(0, 3))
                .doesNotContain(cpf.digits().substring(9));
    }
}
