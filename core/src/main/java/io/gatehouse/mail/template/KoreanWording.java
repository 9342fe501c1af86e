package io.gatehouse.mail.template;

import java.time.Duration;

/**
 * The account mails in Korean. The site name is free text, so no sentence puts a particle that depends on its
 * last syllable (은/는, 이/가, 으로/로) right after it; new addresses stand on their own line.
 */
final class KoreanWording implements Wording {
    static final KoreanWording INSTANCE = new KoreanWording();

    private KoreanWording() {
    }

    @Override
    public String languageTag() {
        return "ko";
    }

    @Override
    public String linkHint() {
        return "버튼이 동작하지 않으면 아래 링크를 복사해 브라우저 주소창에 붙여 넣어 주세요.";
    }

    @Override
    public String signOff(String site) {
        return site + " 드림";
    }

    @Override
    public Draft verifyEmail(String username, String site, String link, Duration valid) {
        return Draft.builder("[" + site + "] 이메일 주소를 확인해 주세요", "이메일 주소를 확인해 주세요")
                .paragraph(hello(username))
                .paragraph(site + "에 가입해 주셔서 감사합니다. 본인의 이메일 주소가 맞는지 확인하기 위해 아래 링크를 "
                        + "눌러 주세요.")
                .action("이메일 주소 확인하기", link)
                .paragraph("이 링크는 " + duration(valid) + " 동안 유효합니다.")
                .note("가입하신 적이 없다면 이 메일을 무시하셔도 됩니다. 이 주소로는 계정이 활성화되지 않습니다.")
                .build();
    }

    @Override
    public Draft accountExists(String username, String site, String loginLink, String resetLink) {
        return Draft.builder("[" + site + "] 이미 가입된 계정이 있습니다", "이미 가입된 계정이 있습니다")
                .paragraph(hello(username))
                .paragraph("이 이메일 주소로 " + site + " 가입 요청이 들어왔습니다. 이 주소로 가입된 계정이 이미 "
                        + "있으므로 새 계정은 만들어지지 않았습니다.")
                .paragraph("기존 계정으로 로그인해 주세요.")
                .action("로그인하기", loginLink)
                .paragraph("비밀번호가 기억나지 않으시면 새 비밀번호를 설정하실 수 있습니다.")
                .action("비밀번호 재설정하기", resetLink)
                .note("가입을 시도하신 적이 없다면 이 메일을 무시하셔도 됩니다. 계정에는 아무런 변화가 없습니다.")
                .build();
    }

    @Override
    public Draft resetPassword(String username, String site, String link, Duration valid) {
        return Draft.builder("[" + site + "] 비밀번호 재설정 안내", "비밀번호를 재설정해 주세요")
                .paragraph(hello(username))
                .paragraph(site + " 계정의 비밀번호 재설정 요청을 받았습니다. 아래 링크를 눌러 새 비밀번호를 설정해 "
                        + "주세요.")
                .action("새 비밀번호 설정하기", link)
                .paragraph("이 링크는 " + duration(valid) + " 동안 유효하며 한 번만 사용할 수 있습니다.")
                .note("비밀번호 재설정을 요청하신 적이 없다면 이 메일을 무시하셔도 됩니다. 비밀번호는 바뀌지 "
                        + "않습니다.")
                .build();
    }

    @Override
    public Draft passwordChanged(String username, String site) {
        return Draft.builder("[" + site + "] 비밀번호가 변경되었습니다", "비밀번호가 변경되었습니다")
                .paragraph(hello(username))
                .paragraph(site + " 계정의 비밀번호가 방금 변경되었습니다. 본인이 변경하셨다면 더 하실 일은 "
                        + "없습니다.")
                .note("본인이 변경하지 않으셨다면 다른 사람이 비밀번호를 알고 있을 수 있습니다. 즉시 " + site
                        + " 로그인 화면의 '비밀번호 찾기'에서 새 비밀번호를 설정하시고 사이트 관리자에게 알려 주세요.")
                .build();
    }

    @Override
    public Draft confirmEmailChange(String username, String site, String newEmail, String link, Duration valid) {
        return Draft.builder("[" + site + "] 새 이메일 주소를 확인해 주세요", "새 이메일 주소를 확인해 주세요")
                .paragraph(hello(username))
                .paragraph(site + " 계정의 이메일 주소를 아래 주소로 변경해 달라는 요청을 받았습니다.")
                .paragraph("새 이메일 주소: " + newEmail)
                .paragraph("변경을 확인하시려면 아래 링크를 눌러 주세요.")
                .action("새 이메일 주소 확인하기", link)
                .paragraph("이 링크는 " + duration(valid) + " 동안 유효합니다. 확인하시기 전까지는 기존 이메일 주소가 "
                        + "그대로 사용됩니다.")
                .note("변경을 요청하신 적이 없다면 이 메일을 무시하셔도 됩니다. 이메일 주소는 바뀌지 않습니다.")
                .build();
    }

    @Override
    public Draft emailChanged(String username, String site, String newEmail) {
        return Draft.builder("[" + site + "] 이메일 주소가 변경되었습니다", "이메일 주소가 변경되었습니다")
                .paragraph(hello(username))
                .paragraph(site + " 계정의 이메일 주소가 아래 주소로 변경되었습니다.")
                .paragraph("새 이메일 주소: " + newEmail)
                .paragraph("이 안내는 이전 이메일 주소로 보내 드리며, 앞으로 계정에 관한 메일은 이 주소로 가지 "
                        + "않습니다. 본인이 변경하셨다면 더 하실 일은 없습니다.")
                .note("본인이 변경하지 않으셨다면 다른 사람이 계정을 사용하고 있을 수 있습니다. 즉시 " + site
                        + " 관리자에게 알려 주세요.")
                .build();
    }

    private static String hello(String username) {
        return username + "님, 안녕하세요.";
    }

    /** "3일", "24시간", "30분": the largest unit that divides the duration exactly. */
    static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds >= 2 * 86_400 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "일";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "시간";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "분";
        }
        return seconds + "초";
    }
}
