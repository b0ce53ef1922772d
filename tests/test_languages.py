"""Boilerplate in the languages most used on the web, with and without class names.

Each language's row gives the words a WordPress site in that locale prints around an
article: WordPress core's comment form ("Leave a Reply", "Your email address will
not be published.", "Required fields are marked *"), Jetpack's sharing, likes and
related-posts headings, and the newsletter, author-box, cookie, paywall, tags and
source lines of common plugins and themes. One page is built per language from the
row, with the plugins' usual class names and again with every class and id removed:
the widgets must go, named by the right kind (and, without classes, by the phrase
rule that found them), and the article must stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from cleaners import clean, lexicon, rules
from cleaners.phrases import line_rule

ARTICLE = [
    "The harbour reopened on Monday after three days of storms kept every ferry in port, "
    "and the first boats left before dawn with the crews who had waited since Thursday.",
    "Harbour master Ana Ruiz said the breakwater held, although two pontoons were lost and "
    "a crane on the eastern quay will need to be inspected before it is used again.",
    "The council will meet on Friday to decide how to pay for the repairs, which engineers "
    "put at a little over two million, most of it for the pontoons and the quay wall.",
    "Fishing crews said the week lost to the storms came at the worst time of the season, "
    "and several asked the council for help with the cost of the days spent ashore.",
]
TEASERS = [
    "Ferry timetable changes for the winter season",
    "Storm damage closes the coastal road for a week",
    "New breakwater plans go to public consultation",
]
SOURCE_URL = "https://original-news.example/2026/11/27/harbour-reopens"


@dataclass(frozen=True)
class Wording:
    """What one locale's WordPress plugins and themes print around an article."""

    share: str  # Jetpack sharedaddy heading, "Share this:"
    like: str  # Jetpack likes heading, "Like this:"
    related: str  # Jetpack / YARPP / CRP heading, "Related"
    reply: str  # WordPress core, "Leave a Reply"
    email_note: str  # WordPress core, "Your email address will not be published."
    required: str  # WordPress core, "Required fields are marked" (before or after the *)
    newsletter: str  # sign-up box heading
    author: str  # author box heading, "About the author"
    tags: str  # "Tags:" line
    cookie: str  # consent banner
    paywall: str  # "Already a subscriber?" prompt
    source: str  # "Source:" label of a republished story's footer
    originally: str  # "Originally published on ..." footer


def _required(text: str) -> str:
    """WordPress puts the asterisk where the locale's string has its ``%s``."""
    return text.replace("%s", '<span class="required">*</span>')


WORDINGS: dict[str, Wording] = {
    "en": Wording("Share this:", "Like this:", "Related", "Leave a Reply",
                  "Your email address will not be published.", "Required fields are marked %s",
                  "Subscribe to our newsletter", "About the Author", "Tags: harbour, storms",
                  "This website uses cookies to improve your experience.",
                  "Already a subscriber? Log in", "Source:",
                  "This article was originally published on Original News."),
    "es": Wording("Compartir esto:", "Me gusta esto:", "Relacionado", "Deja un comentario",
                  "Tu dirección de correo electrónico no será publicada.",
                  "Los campos necesarios están marcados %s", "Suscríbete a nuestro boletín",
                  "Sobre el autor", "Etiquetas: puerto, tormentas",
                  "Este sitio web utiliza cookies para mejorar tu experiencia.",
                  "¿Ya eres suscriptor? Inicia sesión", "Fuente:",
                  "Publicado originalmente en Original News."),
    "de": Wording("Teilen mit:", "Gefällt mir:", "Ähnliche Beiträge", "Hinterlasse eine Antwort",
                  "Deine E-Mail-Adresse wird nicht veröffentlicht.",
                  "Erforderliche Felder sind mit %s markiert", "Newsletter abonnieren",
                  "Über den Autor", "Schlagwörter: Hafen, Sturm",
                  "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.",
                  "Bereits Abonnent? Anmelden", "Quelle:",
                  "Ursprünglich veröffentlicht auf Original News."),
    "fr": Wording("Partager :", "J’aime ça :", "Similaire", "Laisser un commentaire",
                  "Votre adresse de messagerie ne sera pas publiée.",
                  "Les champs obligatoires sont indiqués avec %s",
                  "Abonnez-vous à notre newsletter", "À propos de l’auteur",
                  "Mots-clés : port, tempête",
                  "Ce site utilise des cookies pour améliorer votre expérience.",
                  "Déjà abonné ? Connectez-vous", "Source :",
                  "Publié initialement sur Original News."),
    "it": Wording("Condividi:", "Mi piace:", "Correlati", "Lascia un commento",
                  "L'indirizzo email non verrà pubblicato.",
                  "I campi obbligatori sono contrassegnati %s", "Iscriviti alla newsletter",
                  "Informazioni sull'autore", "Tag: porto, tempesta",
                  "Questo sito utilizza i cookie per migliorare la tua esperienza.",
                  "Sei già abbonato? Accedi", "Fonte:",
                  "Pubblicato originariamente su Original News."),
    "pt": Wording("Compartilhe isso:", "Curtir isso:", "Relacionado", "Deixe um comentário",
                  "O seu endereço de email não será publicado.",
                  "Campos obrigatórios são marcados %s", "Assine nossa newsletter",
                  "Sobre o autor", "Tags: porto, tempestade",
                  "Este site utiliza cookies para melhorar a sua experiência.",
                  "Já é assinante? Entrar", "Fonte:",
                  "Publicado originalmente em Original News."),
    "ru": Wording("Поделиться:", "Нравится:", "Похожее", "Добавить комментарий",
                  "Ваш e-mail не будет опубликован.", "Обязательные поля помечены %s",
                  "Подпишитесь на рассылку", "Об авторе", "Метки: порт, шторм",
                  "Этот сайт использует файлы cookie для улучшения работы.",
                  "Уже подписаны? Войти", "Источник:",
                  "Первоначально опубликовано на Original News."),
    "nl": Wording("Dit delen:", "Vind ik leuk:", "Gerelateerd", "Geef een reactie",
                  "Je e-mailadres wordt niet gepubliceerd.",
                  "Verplichte velden zijn gemarkeerd met %s", "Schrijf je in voor onze nieuwsbrief",
                  "Over de auteur", "Tags: haven, storm",
                  "Deze website maakt gebruik van cookies om uw ervaring te verbeteren.",
                  "Al abonnee? Log in", "Bron:",
                  "Oorspronkelijk gepubliceerd op Original News."),
    "pl": Wording("Udostępnij:", "Lubię to:", "Podobne", "Dodaj komentarz",
                  "Twój adres e-mail nie zostanie opublikowany.",
                  "Pola, których wypełnienie jest wymagane, są oznaczone symbolem %s",
                  "Zapisz się do newslettera", "O autorze", "Tagi: port, sztorm",
                  "Ta strona korzysta z plików cookies.", "Masz już subskrypcję? Zaloguj się",
                  "Źródło:", "Oryginalnie opublikowane na Original News."),
    "tr": Wording("Bunu paylaş:", "Bunu beğen:", "İlgili", "Bir Cevap Yazın",
                  "E-posta hesabınız yayımlanmayacak.", "Gerekli alanlar %s ile işaretlenmişlerdir",
                  "Bültene abone ol", "Yazar hakkında", "Etiketler: liman, fırtına",
                  "Web sitemizde çerezler kullanılmaktadır.", "Zaten abone misiniz? Giriş yapın",
                  "Kaynak:", "İlk olarak Original News sitesinde yayımlanmıştır."),
    "fa": Wording("اشتراک‌گذاری:", "بپسندید:", "مرتبط", "دیدگاهتان را بنویسید",
                  "نشانی ایمیل شما منتشر نخواهد شد.",
                  "بخش‌های موردنیاز علامت‌گذاری شده‌اند %s", "عضویت در خبرنامه",
                  "درباره نویسنده", "برچسب‌ها: بندر، طوفان",
                  "این وب سایت از کوکی‌ها استفاده می‌کند.",
                  "برای ادامه مطالعه وارد شوید", "منبع:",
                  "این مطلب نخستین بار در Original News منتشر شد."),
    "zh": Wording("分享此文：", "赞过：", "相关", "发表回复", "您的邮箱地址不会被公开。",
                  "必填项已用%s标注", "订阅", "关于作者", "标签：港口，风暴",
                  "本网站使用cookie来改善您的体验。", "订阅后继续阅读全文", "来源：",
                  "本文原载于Original News。"),
    "ja": Wording("共有:", "いいね:", "関連", "コメントを残す",
                  "メールアドレスが公開されることはありません。",
                  "%s が付いている欄は必須項目です", "ニュースレターに登録", "この記事を書いた人",
                  "タグ: 港, 嵐", "当サイトではクッキーを使用しています。",
                  "続きを読むには会員登録が必要です", "出典：",
                  "この記事はOriginal Newsから転載しています。"),
    "vi": Wording("Chia sẻ:", "Thích bài này:", "Có liên quan", "Để lại phản hồi",
                  "Email của bạn sẽ không được hiển thị công khai.",
                  "Các trường bắt buộc được đánh dấu %s", "Đăng ký nhận bản tin", "Về tác giả",
                  "Thẻ: cảng, bão", "Trang web này sử dụng cookie.",
                  "Đăng nhập để đọc tiếp bài viết", "Nguồn:",
                  "Bài viết được đăng lần đầu trên Original News."),
    "id": Wording("Bagikan ini:", "Suka ini:", "Terkait", "Tinggalkan Balasan",
                  "Alamat email Anda tidak akan dipublikasikan.", "Ruas yang wajib ditandai %s",
                  "Berlangganan newsletter", "Tentang Penulis", "Tag: pelabuhan, badai",
                  "Situs ini menggunakan cookie.", "Sudah berlangganan? Masuk", "Sumber:",
                  "Artikel ini pertama kali terbit di Original News."),
    "cs": Wording("Sdílejte:", "Líbí se mi:", "Související", "Napsat komentář",
                  "Vaše e-mailová adresa nebude zveřejněna.",
                  "Vyžadované informace jsou označeny %s",
                  "Odebírat novinky", "O autorovi", "Štítky: přístav, bouře",
                  "Tento web používá soubory cookies.", "Už máte předplatné? Přihlaste se",
                  "Zdroj:", "Původně publikováno na Original News."),
    "ko": Wording("공유하기:", "좋아하기:", "관련", "댓글 남기기",
                  "이메일 주소는 공개되지 않습니다.",
                  "필수 입력창은 %s 로 표시되어 있습니다", "뉴스레터 구독", "작성자 정보",
                  "태그: 항구, 폭풍", "이 웹사이트는 쿠키를 사용합니다.",
                  "로그인하고 계속 읽기", "출처:", "원문: Original News"),
    "uk": Wording("Поширити:", "Подобається:", "Схоже", "Залишити відповідь",
                  "Ваша e-mail адреса не оприлюднюватиметься.", "Обов’язкові поля позначені %s",
                  "Підпишіться на розсилку", "Про автора", "Теги: порт, шторм",
                  "Цей сайт використовує файли cookie.", "Вже маєте передплату? Увійти",
                  "Джерело:", "Вперше опубліковано на Original News."),
    "ar": Wording("شارك هذا الموضوع:", "أعجبني هذا:", "ذات صلة", "اترك تعليقاً",
                  "لن يتم نشر عنوان بريدك الإلكتروني.", "الحقول الإلزامية مشار إليها بـ %s",
                  "النشرة البريدية", "عن الكاتب", "الوسوم: ميناء، عاصفة",
                  "يستخدم هذا الموقع ملفات تعريف الارتباط.", "هل أنت مشترك بالفعل؟ تسجيل الدخول",
                  "المصدر:", "نُشر أصلاً في Original News."),
    "sv": Wording("Dela det här:", "Gilla detta:", "Relaterade", "Lämna ett svar",
                  "Din e-postadress kommer inte publiceras.", "Obligatoriska fält är märkta %s",
                  "Prenumerera på vårt nyhetsbrev", "Om författaren", "Taggar: hamn, storm",
                  "Den här webbplatsen använder cookies.", "Redan prenumerant? Logga in",
                  "Källa:", "Ursprungligen publicerad på Original News."),
    "hu": Wording("Megosztás:", "Tetszik:", "Kapcsolódó", "Vélemény, hozzászólás?",
                  "Az e-mail címet nem tesszük közzé.",
                  "A kötelezően kitöltendő mezőket %s karakterrel jelöljük", "Hírlevél",
                  "A szerzőről", "Címkék: kikötő, vihar", "Ez a weboldal sütiket használ.",
                  "Már előfizető? Bejelentkezés", "Forrás:",
                  "Eredetileg az Original News oldalon jelent meg."),
    "el": Wording("Κοινοποίηση:", "Μου αρέσει:", "Σχετικά", "Αφήστε μια απάντηση",
                  "Η ηλ. διεύθυνσή σας δεν δημοσιεύεται.",
                  "Τα υποχρεωτικά πεδία σημειώνονται με %s",
                  "Εγγραφείτε στο newsletter", "Σχετικά με τον συγγραφέα",
                  "Ετικέτες: λιμάνι, καταιγίδα", "Αυτός ο ιστότοπος χρησιμοποιεί cookies.",
                  "Είστε ήδη συνδρομητής; Σύνδεση", "Πηγή:",
                  "Δημοσιεύθηκε αρχικά στο Original News."),
    "ro": Wording("Partajează:", "Apreciază asta:", "Similare", "Lasă un răspuns",
                  "Adresa ta de email nu va fi publicată.", "Câmpurile obligatorii sunt marcate %s",
                  "Abonează-te la newsletter", "Despre autor", "Etichete: port, furtună",
                  "Acest site folosește cookie-uri.", "Ești deja abonat? Autentifică-te",
                  "Sursa:", "Publicat inițial pe Original News."),
}


def wordpress_page(w: Wording, language: str) -> str:
    """A WordPress single post in one locale, with the widgets its plugins print."""
    article = "".join(f"<p>{p}</p>" for p in ARTICLE)
    related = "".join(
        f'<div class="jp-relatedposts-post"><h4><a href="/teaser-{n}">{t}</a></h4>'
        f'<p class="jp-relatedposts-post-date">2026-11-2{n}</p></div>'
        for n, t in enumerate(TEASERS))
    return f"""<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">
<title>Harbour reopens</title></head><body class="single single-post">
<div id="cookie-law-info-bar" class="cli-bar"><span>{w.cookie}</span></div>
<main id="main"><article class="post type-post hentry">
<h1 class="entry-title">Harbour reopens</h1>
<div class="entry-content">{article}
<p class="paywall-login">{w.paywall}</p>
<p class="source-footer">{w.source} <a href="{SOURCE_URL}">Original News</a></p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social">
<h3 class="sd-title">{w.share}</h3><div class="sd-content"><ul>
<li><a class="share-facebook" href="/share?fb">Facebook</a></li>
<li><a class="share-x" href="/share?x">X</a></li></ul></div></div></div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper">
<h3 class="sd-title">{w.like}</h3><div class="likes-widget-placeholder">
<span class="button"><a href="/like">♥</a></span></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">
<em>{w.related}</em></h3><div class="jp-relatedposts-items">{related}</div></div>
</div>
<p class="tags-links">{w.tags}</p>
<div class="saboxplugin-wrap"><h4 class="saboxplugin-authorname">{w.author}</h4>
<div class="saboxplugin-desc"><p><a href="/author/ana">Ana</a></p></div></div>
</article>
<div class="mc4wp-form newsletter-box"><h3 class="widget-title">{w.newsletter}</h3>
<form class="mc4wp-form-fields"><input type="email" name="EMAIL"></form></div>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">{w.reply}</h3>
<form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
<p class="comment-notes"><span id="email-notes">{w.email_note}</span>
<span class="required-field-message">{_required(w.required)}</span></p>
<p class="comment-form-comment"><textarea id="comment" name="comment"></textarea></p>
</form></div></div>
<p class="original-footer">{w.originally}</p>
</main></body></html>"""


def strip_classes(html: str) -> str:
    return re.sub(r"\s(?:class|id)=\"[^\"]*\"", "", html)


def _shown(text: str) -> str:
    """A widget text as the cleaner's output would hold it (tags stripped, "*" in)."""
    return re.sub(r"<[^>]+>", "", _required(text)).replace("%s", "*")


# What each widget's text is removed as, by kind, and, on a page without classes, by
# the phrase rule that must find it.
EXPECTED = {
    "share": ("share", "share-title"),
    "like": ("share", "share-title"),
    "related": ("related", "related-title"),
    "reply": ("comments", "comments-title"),
    "newsletter": ("newsletter", "newsletter-title|newsletter-line"),
    "author": ("author-bio", "author-bio-title"),
    "tags": ("tags", "tag-line"),
    "cookie": ("cookie", "cookie-notice"),
    "paywall": ("paywall", "paywall-prompt"),
    "source": ("source", "source-link"),
    "originally": ("source", "originally-published"),
}

PLUGIN_KINDS = ("share", "related", "comments", "newsletter", "author-bio", "cookie", "paywall",
                "tags")

CASES = [(language, stripped) for language in WORDINGS for stripped in (False, True)]


def test_every_lexicon_language_has_a_test_row() -> None:
    assert set(lexicon.languages()) | {"en"} == set(WORDINGS)
    assert len(WORDINGS) >= 20


@pytest.mark.parametrize("table", sorted(n for n in vars(lexicon) if n.isupper()
                                         and isinstance(getattr(lexicon, n), dict)))
def test_every_kind_covers_every_language(table: str) -> None:
    assert set(getattr(lexicon, table)) == set(lexicon.languages())


@pytest.mark.parametrize(("language", "stripped"), CASES,
                         ids=[f"{lang}-{'stripped' if s else 'classed'}" for lang, s in CASES])
def test_widgets_go_and_the_article_stays(language: str, stripped: bool) -> None:
    wording = WORDINGS[language]
    html = wordpress_page(wording, language)
    article = clean(strip_classes(html) if stripped else html,
                    "https://republisher.example/2026/11/27/harbour-reopens")
    assert article.text.split("\n\n") == ARTICLE
    for field in fields(Wording):
        assert _shown(getattr(wording, field.name)) not in article.text, field.name
    for teaser in TEASERS:
        assert teaser not in article.text
    assert article.source_url == SOURCE_URL
    removed = {(block.kind, block.rule) for block in article.removed}
    if not stripped:  # the plugins' class names name the kinds
        assert set(PLUGIN_KINDS) <= {kind for kind, _ in removed}, sorted(removed)
        return
    for kind, rule in EXPECTED.values():
        if kind not in ("comments", "newsletter"):  # their forms go as forms first
            assert any((kind, name) in removed for name in rule.split("|")), (rule, sorted(removed))
    assert ("comments", "comments-title") in removed or ("comments", "form") in removed


@pytest.mark.parametrize("language", sorted(WORDINGS))
@pytest.mark.parametrize("widget", sorted(EXPECTED))
def test_each_phrase_is_named_by_its_rule(language: str, widget: str) -> None:
    """Said alone, each widget text is recognised by the rule ``crawl explain`` shows."""
    text = _shown(getattr(WORDINGS[language], widget))
    if widget == "source":
        text += " Original News"
    rule = line_rule(text)
    kind, names = EXPECTED[widget]
    assert rule is not None and rule.kind == kind and rule.name in names.split("|"), (text, rule)


@pytest.mark.parametrize("language", sorted(WORDINGS))
def test_comment_form_notices_are_named(language: str) -> None:
    wording = WORDINGS[language]
    for text in (wording.email_note, _shown(wording.required),
                 f"{wording.email_note} {_shown(wording.required)}"):
        rule = line_rule(text)
        assert rule is not None and rule.name == "comment-notice", text


CONSENT_FRAMEWORK_BANNERS = {
    # The opening of the IAB consent framework's (TCF) banner, in its translations.
    "en": "We and our partners store and/or access information on a device, such as cookies"
          " and process personal data, such as unique identifiers.",
    "de": "Wir und unsere Partner speichern und/oder greifen auf Informationen auf einem"
          " Gerät zu, beispielsweise auf Cookies.",
    "fr": "Nous et nos partenaires stockons et/ou accédons à des informations stockées sur un"
          " terminal, telles que les cookies.",
    "es": "Nosotros y nuestros socios almacenamos o accedemos a información en un"
          " dispositivo, tales como cookies.",
    "it": "Noi e i nostri fornitori archiviamo e/o accediamo a informazioni su un dispositivo,"
          " come i cookie.",
    "nl": "Wij en onze partners slaan informatie op en/of openen informatie op een apparaat,"
          " zoals cookies.",
    "pt": "Nós e os nossos parceiros armazenamos e/ou acedemos a informações num dispositivo,"
          " tais como cookies.",
}


@pytest.mark.parametrize("language", sorted(CONSENT_FRAMEWORK_BANNERS))
def test_a_consent_framework_banner_goes_without_class_names(language: str) -> None:
    banner = CONSENT_FRAMEWORK_BANNERS[language]
    rule = line_rule(banner)
    assert rule is not None and rule.name == "cookie-notice"
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + f"</article><div><p>{banner}</p>"
            "<div><button>Accept</button></div></div></body></html>")
    assert clean(html).text.split("\n\n") == ARTICLE


EMBED_PLACEHOLDERS = {
    # What stands in for an embedded post until the reader consents to load it: the
    # placeholders of Embed Privacy and Borlabs Cookie, and news sites' own wording.
    "en": ("External content", "Click here to display content from YouTube.",
           "Learn more in YouTube’s privacy policy.", "Always display content from YouTube"),
    "en-borlabs": ("Click on the button to load the content from YouTube.", "Load content"),
    "de": ("Externer Inhalt", "Klicke hier, um Inhalte von YouTube anzuzeigen.",
           "YouTube immer entsperren"),
    "de-borlabs": ("Klicken Sie auf den unteren Button, um den Inhalt von YouTube zu laden.",
                   "Inhalt laden"),
    "de-site": ("Twitter freischalten",
                "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis"
                " keine Verbindung zu Twitter her. Hier kannst du deine Einstellungen verwalten.",
                "Um Deine persönlichen Daten zu schützen, haben wir das automatische Laden der"
                " Inhalte von twitter.com blockiert. Du kannst Deine Zustimmung jederzeit"
                " widerrufen."),
}
EMBED_PLACEHOLDER_CLASSES = {
    # Each plugin's own class on its placeholder.
    "en": "embed-privacy-overlay", "de": "embed-privacy-overlay",
    "en-borlabs": "_brlbs-content-blocker", "de-borlabs": "_brlbs-content-blocker",
    "de-site": "cmplz-blocked-content-notice",
}


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "unclassed"])
@pytest.mark.parametrize("wording", sorted(EMBED_PLACEHOLDERS))
def test_an_embed_placeholder_goes(wording: str, stripped: bool) -> None:
    lines = EMBED_PLACEHOLDERS[wording]
    for line in lines:
        rule = line_rule(line)
        assert rule is not None and rule.name == "cookie-notice", line
    named = "" if stripped else f" class='{EMBED_PLACEHOLDER_CLASSES[wording]}'"
    placeholder = f"<div{named}>" + "".join(f"<p>{line}</p>" for line in lines) + "</div>"
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + placeholder
            + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</article></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE
    assert {block.kind for block in article.removed} == {"cookie", "title"}  # <h1>: a field


SIDEBAR_TITLES = {
    # WordPress core's "Recent Comments" widget and a popular-posts box ("Popular Posts",
    # "Most read"), as each locale prints them.
    "en": ("Recent Comments", "Most Read Stories"),
    "es": ("Comentarios recientes", "Lo más popular"),
    "de": ("Neueste Kommentare", "Beliebte Beiträge"),
    "fr": ("Commentaires récents", "Les plus populaires"),
    "it": ("Commenti recenti", "Articoli più popolari"),
    "pt": ("Comentários recentes", "Mais lidos"),
    "ru": ("Свежие комментарии", "Популярные записи"),
    "nl": ("Recente reacties", "Populaire berichten"),
    "pl": ("Ostatnie komentarze", "Najczęściej czytane"),
    "tr": ("Son yorumlar", "En çok okunanlar"),
    "fa": ("آخرین دیدگاه‌ها", "مطالب پربازدید"),
    "zh": ("近期评论", "热门文章"),
    "ja": ("最近のコメント", "人気記事"),
    "vi": ("Bình luận gần đây", "Bài viết xem nhiều"),
    "id": ("Komentar Terbaru", "Artikel Populer"),
    "cs": ("Nejnovější komentáře", "Nejčtenější články"),
    "ko": ("최근 댓글", "많이 본 뉴스"),
    "uk": ("Останні коментарі", "Популярні записи"),
    "ar": ("أحدث التعليقات", "الأكثر قراءة"),
    "sv": ("Senaste kommentarer", "Mest lästa"),
    "hu": ("Legutóbbi hozzászólások", "Legolvasottabb cikkek"),
    "el": ("Πρόσφατα σχόλια", "Τα πιο δημοφιλή"),
    "ro": ("Comentarii recente", "Cele mai citite"),
}
SIDEBAR_CASES = [(language, title) for language in SIDEBAR_TITLES
                 for title in SIDEBAR_TITLES[language]]


def test_every_language_has_its_sidebar_titles() -> None:
    assert set(SIDEBAR_TITLES) == set(WORDINGS)


@pytest.mark.parametrize(("language", "title"), SIDEBAR_CASES,
                         ids=[f"{language}-{n % 2}" for n, (language, _) in
                              enumerate(SIDEBAR_CASES)])
def test_a_sidebar_widget_goes_without_class_names(language: str, title: str) -> None:
    """A box of links to other posts or their comments is not the article, in any locale."""
    assert (rule := line_rule(title)) is not None and rule.name == "related-title", title
    widget = "".join(f"<li><a href='/u{n}'>Reader {n}</a> on <a href='/p{n}'>Storm night {n}"
                     "</a></li>" for n in range(5))
    html = ("<html><body><div><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article>"
            f"<div><h2>{title}</h2><ul>{widget}</ul></div></div></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE
    assert ("related", "related-title") in {(b.kind, b.rule) for b in article.removed}


LEAKED_WORDINGS = [
    # Wordings, most of them German, that leaked from real pages once their class names were
    # gone, each with the rule that names it, and the English rule's own wording beside
    # where it was missing too. Titles head a box of links; lines stand alone.
    ("Bewerten:", "share-title"), ("Rate this:", "share-title"),
    ("Bookmark", "share-line"), ("Story Saved", "share-line"),
    ("Ist der Artikel hilfreich?", "rating-line"),
    ("Bitte klicke auf den Link in der Bestätigungsmail, um deine Anmeldung abzuschließen.",
     "newsletter-line"),
    ("Vielen Dank für Ihre Anmeldung!", "newsletter-line"),
    ("Votre inscription à bien été prise en compte avec l'adresse email :", "newsletter-line"),
    ("Thank you for subscribing!", "newsletter-line"),
    ("Please check your inbox to confirm your subscription.", "newsletter-line"),
    ("Mehr von Correctiv", "related-title"), ("Mehr zum Thema Hafen:", "related-title"),
    ("Weitere Videos", "related-title"), ("Dies passt zum Thema:", "related-title"),
    ("Beliebte Beiträge zum Thema:", "related-title"),
    ("Weiterführende Artikel zu diesem Thema", "related-title"),
    ("Weiterlesen auf Hafenblatt.de:", "related-title"),
    ("Keine ähnlichen Beiträge.", "related-title"), ("Neueste Leser-Kommentare", "related-title"),
    ("Explore further", "related-title"),
    ("Teile diesen Artikel auf:", "share-title"), ("Teilen über:", "share-title"),
    ("Seite teilen", "share-title"), ("Freunden mitteilen:", "share-title"),
    ("Den Artikel mit anderen teilen/diskutieren:", "share-title"),
    ("Möchten Sie den Artikel teilen?", "share-title"), ("Spread the news:", "share-title"),
    ("Kommentar verfassen", "comments-title"), ("Bisher keine Kommentare", "comments-title"),
    ("Verpasse keine News aus dem Hafen", "newsletter-title"),
    ("Anmeldung zum Hafenblatt-Newsletter", "newsletter-title"),
    ("Trage deine Daten unten ein oder klicke ein Icon um dich einzuloggen:",
     "comment-notice"),
    ("Fill in your details below or click an icon to log in:", "comment-notice"),
    ("Die Redaktion behält sich vor, Lesermeinungen zu kürzen. Es besteht kein Anspruch auf"
     " Veröffentlichung.", "comment-notice"),
    ("We reserve the right to remove comments that are off topic.", "comment-notice"),
    ("Veröffentlicht von Ana Ruiz", "byline-line"),
    ("Zeige alle Beiträge von Ana Ruiz", "byline-line"),
    ("Der Artikel geht unten weiter", "ad-label"), ("Scroll to continue with content", "ad-label"),
    ("Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung von Instagram.",
     "cookie-notice"),
    ("By loading the video, you agree to YouTube’s privacy policy.", "cookie-notice"),
    ("Sign up for news updates", "newsletter-line"),
    ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service"
     " apply.", "newsletter-line"),
    ("Diese Artikel könnten Sie ebenfalls interessieren", "related-title"),
    ("Gleich weiterlesen ...", "related-title"), ("Read more in Politics", "related-title"),
    ("Read More on The Sun", "related-title"), ("What to watch next", "related-title"),
    ("Artikel teilen/drucken:", "share-title"), ("Keine Kommentare", "comments-title"),
    ("There are no comments yet", "comments-title"),
    ("Be part of the conversation", "comments-prompt"),
    ("Please read our comment policy before commenting.", "comment-notice"),
    ("Um den Artikel kommentieren zu können, müssen Sie eingeloggt sein.", "comment-notice"),
    ("Advertisement. Scroll to continue reading.", "ad-label"),
    ("By signing up you agree to our terms of service", "newsletter-line"),
    ("Join the Harbour Daily WhatsApp community!", "newsletter-line"),
    ("Join our Harbour Live breaking news service on WhatsApp", "newsletter-line"),
    ("Tried this recipe? Mention @harbourkitchen or tag #harbourkitchen!", "share-line"),
    ("Hast du dieses Rezept ausprobiert? Erwähne @hafenkueche oder benutze den Hashtag"
     " #hafenkueche!", "share-line"),
    # Boxes that leaked with their class names on too (the dates pages, read whole).
    ("Explore More", "related-title"), ("Schon gelesen?", "related-title"),
    ("Artikel und Videos zum Thema", "related-title"),
    ("Liken Sie uns auf Facebook", "share-title"),
    ("Follow us: Apple News | Google News | Instagram | Facebook", "share-line"),
    ("Folgt uns auf unserem neuen Instagram-Account instagram.com/hafenblatt", "share-line"),
    ("Rate this post", "share-title"), ("Click to rate this post!", "share-title"),
    ("GD Star Rating", "share-title"), ("Wie hat Ihnen dieser Artikel gefallen?", "share-title"),
    ("[Total: 2 Average: 5]", "share-line"),
    ("Average rating 4.5 / 5. Vote count: 12", "share-line"),
    ("No votes so far! Be the first to rate this post.", "share-line"),
    ("While you are here…", "paywall-prompt"), ("We have a small favour to ask.", "paywall-prompt"),
    ("If you enjoyed reading this post – would you consider supporting our work? Just click"
     " here. Thanks!", "paywall-prompt"),
    ("37 views", "byline-line"),
    ("View this post on Instagram", "credit-line"),
    ("Sieh dir diesen Beitrag auf Instagram an", "credit-line"),
    ("A post shared by Harbour Daily (@harbourdaily)", "credit-line"),
    ("Related Recipes", "related-title"), ("4.67 from 21 votes", "share-line"),
    ("Jump to Recipe Print Recipe", "share-line"), ("Zum Rezept Pinnen", "share-line"),
    ("Rezept drucken Bei Pinterest speichern", "share-line"),
    ("Nichts Neues verpassen! - Newsletter abonnieren", "newsletter-title"),
    # Sandbox's and Thematic's post footer, each line a <p> of its own.
    ("This entry was written by Ana Ruiz, posted on 10/18/2012 at 11:45 am.", "byline-line"),
    ("Bookmark the permalink. Follow any comments here with the RSS feed for this post.",
     "byline-line"),
    ("Post a comment or leave a trackback: Trackback URL.", "comment-notice"),
    ("Comments are closed, but you can leave a trackback: Trackback URL.", "comment-notice"),
    # Dragnet's pages, their class names stripped.
    ("Post Tags: harbour, ferry", "tag-line"), ("4 Comments Leave a comment", "comments-title"),
    ("Related on HuffPost:", "related-title"), ("Loading Slideshow", "credit-line"),
    ("Send to a friend", "share-line"), ("Email this story to a friend", "share-line"),
    ("Incoming search terms:", "tags-title"),
    ("Besucher haben diese Seite mit folgenden Suchbegriffen gefunden:", "tags-title"),
    # Polish portals' "the article goes on under the video", over an ad or a video.
    ("Dalsza część artykułu pod materiałem wideo", "ad-label"),
    # A photo's copyright on a line of its own (dates pages, classed and stripped).
    ("© Markus Leitner", "photo-copyright"), ("© Getty Images", "photo-copyright"),
    ("© dpa | Kay Nietfeld", "photo-copyright"),
    ("© Instagram/esmeralda_merlot", "photo-copyright"),
    # WordPress plugins' lines (dates pages): Jetpack's likes before a script counts them,
    # GD Star Rating's and kk Star Ratings' tallies, a page view counter, an author box's
    # list of the writer's posts, and one publisher group's bookmark notice.
    ("%d bloggers like this:", "share-line"), ("%d Bloggern gefällt das:", "share-line"),
    ("Rating: 6.0/6 (1 vote cast)", "rating-line"), ("Rating: +1 (from 1 vote)", "rating-line"),
    ("(No ratings yet)", "rating-line"), ("(Noch keine Bewertungen)", "rating-line"),
    ("Was this article helpful? Yes No", "rating-line"),
    ("Fanden Sie diesen Artikel hilfreich?", "rating-line"),
    ("(Visited 215 times, 55 visits today)", "byline-line"),
    ("Latest posts by Ana Ruiz (see all)", "author-bio-title"),
    ("You can find this story in My Bookmarks.Or by navigating to the user icon in the top "
     "right.", "share-line"),
    ("Rubriklistenbild: © KCNA/dpa", "photo-copyright"),
    ("Please enter a valid email address.", "newsletter-line"),
    ("Bitte geben Sie eine gültige E-Mail-Adresse an", "newsletter-line"),
    ("Bitte gib eine gültige E-Mail-Adresse ein.", "newsletter-line"),
    # Publishers' lines under every story (dates pages), and Springer's paywall.
    ("Never miss the latest news by signing up to our newsletter today!", "newsletter-line"),
    ("Get the latest news sent straight to your messages by joining our WhatsApp community "
     "today.", "newsletter-line"),
    ("Want more health and science stories in your inbox? Subscribe to Salon's weekly "
     "newsletter Lab Notes.", "newsletter-line"),
    ("Abonnieren Sie jetzt den Hafen-Newsletter: https://hafen.example/newsletter/",
     "newsletter-line"),
    ("This is a preview of subscription content, log in to check access.", "paywall-prompt"),
    # A thread's disclaimer and login note (dates pages).
    ("Kommentare von Lesern stellen keinesfalls die Meinung der Redaktion dar!",
     "comment-notice"),
    ("The views expressed in the comments are those of the readers and do not necessarily "
     "reflect the views of the paper.", "comment-notice"),
    ("Um selbst Kommentare verfassen zu können müssen Sie sich bitte einloggen.",
     "comment-notice"),
    ("Reader comments do not represent the views of the newspaper.", "comment-notice"),
    ("Die Kommentare der Leserinnen und Leser spiegeln nicht die Meinung der Redaktion wider.",
     "comment-notice"),
    ("Never miss a story - sign up to our newsletter today!", "newsletter-line"),
    ("Abonniere jetzt unseren Newsletter!", "newsletter-line"),
]

LOCALE_VARIANTS = [
    # WordPress's and Jetpack's strings as other versions, formal locales (de, nl) and
    # sister locales (pt_BR, zh_TW) print them, beside the ones ``WORDINGS`` holds.
    ("Laisser une réponse", "comments-title"), ("Lascia una risposta", "comments-title"),
    ("Hinterlassen Sie einen Kommentar", "comments-title"),
    ("Оставьте комментарий", "comments-title"), ("Zostaw komentarz", "comments-title"),
    ("Bir yanıt yazın", "comments-title"),
    ("返信を残す", "comments-title"), ("Để lại một bình luận", "comments-title"),
    ("Zanechte komentář", "comments-title"), ("Lämna en kommentar", "comments-title"),
    ("Додати коментар", "comments-title"), ("Hozzászólás írása", "comments-title"),
    ("Cancelar la respuesta", "comment-notice"), ("Comentarios cerrados.", "comment-notice"),
    ("Ihre E-Mail-Adresse wird nicht veröffentlicht.", "comment-notice"),
    ("Die Kommentarfunktion ist geschlossen.", "comment-notice"),
    ("Seu endereço de e-mail não será publicado.", "comment-notice"),
    ("Comentários encerrados.", "comment-notice"), ("Комментарии закрыты.", "comment-notice"),
    ("Bereits Abonnent/in? Anmelden", "paywall-prompt"),
    ("Schon Abonnent? Hier anmelden", "paywall-prompt"),
    ("Uw e-mailadres wordt niet gepubliceerd.", "comment-notice"),
    ("Vereiste velden zijn gemarkeerd met *", "comment-notice"),
    ("Wymagane pola są oznaczone *", "comment-notice"),
    ("Komentarze są zamknięte.", "comment-notice"),
    ("E-posta adresiniz yayınlanmayacak.", "comment-notice"),
    ("Yanıtı iptal et", "comment-notice"), ("コメントは受け付けていません。", "comment-notice"),
    ("您的电子邮箱地址不会被公开。", "comment-notice"), ("必填欄位標示為 *", "comment-notice"),
    ("필수 필드는 *로 표시됩니다", "comment-notice"), ("댓글이 닫혔습니다.", "comment-notice"),
    ("Batalkan balasan", "comment-notice"), ("Hủy trả lời", "comment-notice"),
    ("Bình luận đã được đóng.", "comment-notice"), ("Zrušit odpověď", "comment-notice"),
    ("Komentáře jsou uzavřeny.", "comment-notice"), ("Коментарі закриті.", "comment-notice"),
    ("Az e-mail-címet nem tesszük közzé.", "comment-notice"),
    ("A kötelező mezőket * karakterrel jelöltük", "comment-notice"),
    ("Válasz megszakítása", "comment-notice"), ("Hozzászólások lezárva.", "comment-notice"),
    ("Anulează răspunsul", "comment-notice"),
    ("Diesen Beitrag teilen", "share-title"), ("Gostar disto:", "share-title"),
    ("Apreciază:", "share-title"), ("شارك هذا:", "share-title"),
    ("Sur le même thème", "related-title"), ("Liên quan", "related-title"),
    ("Relaterat", "related-title"), ("Acerca del autor", "author-bio-title"),
    ("Мітки: порт, шторм", "tag-line"),
    ("Recevez notre newsletter", "newsletter-title"),
    ("Recibe nuestro boletín", "newsletter-title"),
    ("Apúntate a nuestra newsletter", "newsletter-title"),
    ("Ricevi la newsletter", "newsletter-title"), ("Receba nossa newsletter", "newsletter-title"),
    ("Подписаться на рассылку", "newsletter-title"),
    ("Zapisz się na newsletter", "newsletter-title"),
    ("Meld je aan voor de nieuwsbrief", "newsletter-title"),
    ("Bültenimize abone olun", "newsletter-title"), ("E-bültene kaydolun", "newsletter-title"),
    ("订阅我们的新闻简报", "newsletter-title"),
    ("Sie haben bereits ein Abo? Hier einloggen", "paywall-prompt"),
    ("Il vous reste 80% de cet article à lire.", "paywall-prompt"),
    ("Contenuto riservato agli abbonati", "paywall-prompt"),
    ("Conteúdo exclusivo para assinantes", "paywall-prompt"),
    ("Ten artykuł jest dostępny tylko dla subskrybentów", "paywall-prompt"),
    ("Dit artikel is alleen voor abonnees", "paywall-prompt"),
    ("Bu içerik sadece abonelere özeldir", "paywall-prompt"),
    ("本文仅限订阅用户阅读", "paywall-prompt"), ("已是订阅用户？登录", "paywall-prompt"),
    ("会員の方はログイン", "paywall-prompt"),
    ("Sobre la autora", "author-bio-title"), ("À propos de l'auteure", "author-bio-title"),
    ("Sobre a autora", "author-bio-title"), ("O autorce", "author-bio-title"),
    ("著者プロフィール", "author-bio-title"),
    ("Bildquelle: dpa", "credit-line"), ("Crédit photo : AFP", "credit-line"),
    ("Fot. PAP", "credit-line"), ("图片来源：新华社", "credit-line"),
    ("Deneyiminizi geliştirmek için çerezler kullanıyoruz.", "cookie-notice"),
    # the classic themes' entry footer
    ("Dieser Eintrag wurde veröffentlicht in Allgemein und verschlagwortet mit Hafen. Setze"
     " ein Lesezeichen auf den Permalink.", "byline-line"),
    ("Esta entrada fue publicada en General y etiquetada Puerto. Guarda el enlace"
     " permanente.", "byline-line"),
    ("Cette entrée a été publiée dans Général. Vous pouvez la mettre en favoris avec ce"
     " permalien.", "byline-line"),
    ("Questa voce è stata pubblicata in Generale. Contrassegna il permalink.", "byline-line"),
    ("Esta entrada foi publicada em Geral. Guarde o link permanente.", "byline-line"),
    ("Запись опубликована в рубрике Новости. Добавьте в закладки постоянную ссылку.",
     "byline-line"),
    ("Ten wpis został opublikowany w kategorii Ogólne. Dodaj zakładkę do bezpośredniego"
     " odnośnika.", "byline-line"),
    ("Dit bericht werd geplaatst in Algemeen. Bookmark de permalink.", "byline-line"),
]

REPUBLISHED_FOOTERS = {
    # Yoast SEO's RSS footer ("The post %1$s appeared first on %2$s."), which
    # auto-republishers copy with the story, and a republished story's own note.
    "de": "Der Beitrag <a href='{url}'>Hafen öffnet wieder</a> erschien zuerst auf "
          "<a href='https://orig.example/'>Original News</a>.",
    "fr": "L’article <a href='{url}'>Le port rouvre</a> est apparu en premier sur "
          "<a href='https://orig.example/'>Original News</a>.",
    "es": "La entrada <a href='{url}'>El puerto reabre</a> se publicó primero en "
          "<a href='https://orig.example/'>Original News</a>.",
    "pt": "O post <a href='{url}'>O porto reabre</a> apareceu primeiro em "
          "<a href='https://orig.example/'>Original News</a>.",
    "nl": "Het bericht <a href='{url}'>De haven gaat open</a> verscheen eerst op "
          "<a href='https://orig.example/'>Original News</a>.",
    "sv": "Inlägget <a href='{url}'>Hamnen öppnar</a> dök först upp på "
          "<a href='https://orig.example/'>Original News</a>.",
    "de-note": "Dieser Artikel erschien zuerst auf <a href='{url}'>Original News</a>.",
    "fr-note": "Cet article a été publié initialement sur <a href='{url}'>Original News</a>.",
    "es-note": "Este artículo fue publicado originalmente en <a href='{url}'>Original News</a>.",
    "it-note": "Questo articolo è stato pubblicato originariamente su "
               "<a href='{url}'>Original News</a>.",
    "pl-note": "Artykuł pierwotnie ukazał się na <a href='{url}'>Original News</a>.",
    "nl-note": "Dit artikel verscheen eerder op <a href='{url}'>Original News</a>.",
    "ru-note": "Статья впервые опубликована на <a href='{url}'>Original News</a>.",
}


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "stripped"])
@pytest.mark.parametrize("footer", REPUBLISHED_FOOTERS)
def test_a_republished_story_s_footer_gives_its_source(footer: str, stripped: bool) -> None:
    named = "" if stripped else " class='entry-content'"
    html = (f"<html><body><article><h1>Harbour reopens</h1><div{named}>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE)
            + f"<p>{REPUBLISHED_FOOTERS[footer].format(url=SOURCE_URL)}</p></div></article>"
            "</body></html>")
    article = clean(html, "https://republisher.example/harbour")
    assert article.text.split("\n\n") == ARTICLE
    assert article.source_url == SOURCE_URL

TRANSLATION_NOTICES = [
    # A multilingual blog's notice before the links to a post's translations (WPML,
    # Polylang themes), in the languages such blogs pair most.
    "This post is also available in:", "Dieser Beitrag ist auch verfügbar in:",
    "Esta entrada también está disponible en:", "Cet article est également disponible en :",
    "Questo articolo è disponibile anche in:", "Este post também está disponível em:",
    "Dit bericht is ook beschikbaar in:",
]

PORTAL_TITLES = [
    # What news portals print over their widgets, worded as the English rules' own
    # headings are (recommended, latest, related topics, up next, sponsored...).
    ("Empfehlungen der Redaktion", "related-title"), ("Verwandte Themen", "related-title"),
    ("Zum Thema:", "related-title"), ("Aktuelle Nachrichten", "related-title"),
    ("Jetzt kommentieren", "comments-title"), ("Dans la même rubrique", "related-title"),
    ("Articles recommandés", "related-title"), ("Nos dernières actualités", "related-title"),
    ("Partager sur Facebook", "share-title"), ("Compartir en WhatsApp", "share-title"),
    ("Últimas noticias", "related-title"), ("Artículos recomendados", "related-title"),
    ("Temas relacionados", "related-title"), ("Comparte esta noticia", "share-title"),
    ("Contenido patrocinado", "ad-label"), ("Notizie correlate", "related-title"),
    ("Ti potrebbero interessare", "related-title"),
    ("Contenuto sponsorizzato", "ad-label"),
    ("Matérias relacionadas", "related-title"), ("Mais lidas da semana", "related-title"),
    ("Conteúdo patrocinado", "ad-label"),
    ("Новости по теме", "related-title"), ("Ещё по теме", "related-title"),
    ("Выбор редакции", "related-title"), ("На правах рекламы", "ad-label"),
    ("Polecane artykuły", "related-title"), ("Najnowsze artykuły", "related-title"),
    ("Materiał sponsorowany", "ad-label"), ("Laatste nieuws", "related-title"),
    ("Meer over dit onderwerp", "related-title"), ("Deel dit artikel", "share-title"),
    ("Diğer haberler", "related-title"), ("Sıradaki haber", "related-title"),
    ("Haberi paylaş", "share-title"), ("Sponsorlu içerik", "ad-label"),
    ("Thích điều này:", "share-title"), ("پسندیدن این:", "share-title"),
    ("Sie sind bereits Abonnent? Hier anmelden.", "paywall-prompt"),
    ("Advertisement · Scroll to continue", "ad-label"), ("SKIP ADVERTISEMENT", "ad-label"),
    ("Etiketter:", "tag-line"),
    ("関連ニュース", "related-title"), ("こちらもおすすめ", "related-title"),
    ("猜你喜欢", "related-title"), ("相关新闻", "related-title"), ("推薦閱讀", "related-title"),
]


NAMED_WORDINGS = LEAKED_WORDINGS + LOCALE_VARIANTS + PORTAL_TITLES


@pytest.mark.parametrize(("text", "rule_name"), NAMED_WORDINGS,
                         ids=[text[:30] for text, _ in NAMED_WORDINGS])
def test_wordings_that_leaked_go_without_class_names(text: str, rule_name: str) -> None:
    rule = line_rule(text)
    assert rule is not None and rule.name == rule_name
    links = "".join(f"<li><a href='/s{n}'>{teaser}</a></li>" for n, teaser in enumerate(TEASERS))
    widget = (f"<div><h3>{text}</h3><ul>{links}</ul></div>" if rule in rules.TITLE_RULES
              else f"<div><p>{text}</p></div>")
    html = ("<html><body><div><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + f"</article>{widget}</div></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE
    assert (rule.kind, rule_name) in {(b.kind, b.rule) for b in article.removed}


READER_COMMENTS = {
    # The heading news portals put over their readers' comments.
    "en": "Reader comments", "es": "Comentarios de los lectores", "de": "Leserkommentare",
    "fr": "Commentaires des lecteurs", "it": "Commenti dei lettori",
    "pt": "Comentários dos leitores", "ru": "Комментарии читателей", "nl": "Reacties van lezers",
    "pl": "Komentarze czytelników", "tr": "Okur yorumları", "fa": "نظرات خوانندگان",
    "zh": "读者评论", "ja": "読者のコメント", "vi": "Ý kiến bạn đọc", "id": "Komentar pembaca",
    "cs": "Komentáře čtenářů", "ko": "독자 댓글", "uk": "Коментарі читачів",
    "ar": "تعليقات القراء", "sv": "Läsarkommentarer", "hu": "Olvasói hozzászólások",
    "el": "Σχόλια αναγνωστών", "ro": "Comentariile cititorilor",
}


@pytest.mark.parametrize("language", sorted(WORDINGS))
def test_readers_comments_go_under_their_heading_in_every_language(language: str) -> None:
    """A portal's thread: its heading sits in a box of its own (an anchor inside), the
    readers' posts follow it as prose, with no class names to tell them."""
    title = READER_COMMENTS[language]
    assert (rule := line_rule(title)) is not None and rule.name == "comments-title", title
    posts = "".join(f"<li><p>Reader {n} wrote that the harbour should have stayed closed "
                    f"until the storm had passed, and that the council waited too long {n}.</p>"
                    "</li>" for n in range(6))
    html = ("<html><body><div><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article>"
            f"<div><div role='heading'><h2><a name='comments'>{title}</a></h2></div>"
            f"<ul>{posts}</ul></div></div></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE


PROSE = [
    # Sentences of articles that start as a phrase does: they must not be taken for one.
    "This page is also available in: large print, braille and audio formats from the clerk",
    "Schon Abonnent? Nein, sagt Müller, die Zeitung lese er lieber im Café am Markt",
    "Schon Abonnent? Hier erfahren Sie, wie Sie kündigen.",
    "Thank you for subscribing to this paper for forty years, the editor wrote in her last "
    "column.",
    "Vielen Dank für Ihre Anmeldung zum Stadtlauf, sagte die Organisatorin am Start.",
    "This post is also available in video form: the mayor walks the flooded quay and shows "
    "where the water came in.",
    "Related coverage of the storm continued through the night as the harbour flooded "
    "and crews worked to secure the boats that had broken loose from their moorings.",
    "Compartir esto con los vecinos fue la idea del alcalde, que pidió calma y paciencia "
    "a todos los comerciantes afectados por el cierre del puerto durante la tormenta.",
    "Kommentare der Bürgermeisterin wurden am Montag im Stadtrat diskutiert, nachdem der "
    "Hafen drei Tage lang wegen des Sturms geschlossen geblieben war.",
    "Read more on the harbour master's statement here.",
    "Folgen Sie uns auf dem Weg durch die Altstadt, vorbei am alten Hafen und den Speichern.",
    "The ferry app scores 4.5 out of 5 based on 2,000 ratings in the store.",
    "While you are here, the harbour master said, you should see the new breakwater.",
    "The council passed the repair plan 5 from 7 votes, with two members away.",
    "Folgen Sie uns auf unserer Reise mit Alex durch die Altstadt und zum alten Hafen.",
    "Follow us: the route starts at the old mill and ends at the harbour wall.",
    "A post shared by thousands of users claimed the ferry had sunk in the storm.",
    "Filed under seal, the papers the harbour board kept from the council stay secret.",
    "Filed under seal, prosecutors said.", "Filed under protest.",
    "This entry was written on June 12, 1942, the day she turned thirteen.",
    "This entry was written by a nine-year-old from Swansea, who won the harbour prize.",
    "関連する報道によると、港は月曜日に再開され、嵐のために三日間停泊していたフェリーが"
    "夜明け前に出航した。乗組員たちは木曜日から待っていたという。",
    "مرتبط بذلك، قال رئيس الميناء إن حاجز الأمواج صمد رغم فقدان رصيفين عائمين خلال العاصفة "
    "التي استمرت ثلاثة أيام.",
    # a voyage, not a visit to a site: consent wordings need the reader's consent or cookies
    "Proseguendo la navigazione verso sud, il traghetto ha raggiunto il porto all'alba.",
    "En continuant à naviguer vers le nord, l'équipage a retrouvé le port au petit matin.",
    "Ao continuar a navegar para sul, o ferry chegou ao porto de madrugada.",
    # a story that speaks of cookies, biscuits and browsers; a quoted spokesperson
    "Al seguir utilizando carbón para producir electricidad, los gobiernos aceptan un"
    " calentamiento de casi tres grados, advierte el informe de la ONU publicado este lunes.",
    "Su navegador es antiguo y no conocía la nueva autovía, así que el conductor acabó en un"
    " camino de tierra, explicó la Guardia Civil.",
    "Continuando a navigare a vista, accettiamo rischi sempre maggiori, ha detto il comandante"
    " della capitaneria di porto.",
    "Door verder te gaan met de onderhandelingen hoopt het kabinet alsnog voor de zomer een"
    " akkoord te bereiken met de vakbonden.",
    "Korzystając z serwisu Netflix, widzowie zgodnie chwalą nowy serial, który w pierwszym"
    " tygodniu obejrzało ponad milion osób.",
    "Używamy ciasteczek maślanych, które kruszymy na spód sernika, a potem mieszamy je z"
    " roztopionym masłem.",
    "Vi använder kakor från ett lokalt bageri till efterrätten, berättar krögaren när vi"
    " besöker restaurangen i Visby.",
    "Sütiket használunk a torta aljához, ezeket összetörjük és olvasztott vajjal keverjük össze.",
    "我们使用饼干碎作为芝士蛋糕的底层，再加入融化的黄油，放进冰箱冷藏半小时。",
    "Daha iyi hedefleme için üçüncü taraf çerezleri kullanan reklam şirketleri, Google'ın"
    " kararıyla zor durumda kaldı.",
    "En iyi lezzet için tarifte tuzsuz çerezler kullanın ve fındıkları önceden kavurun.",
    "Wir nutzen Cookies nur, um die Reichweite zu messen“, sagte ein Sprecher des Verlags am"
    " Dienstag in Hamburg.",
    "Your browser is no longer supported: that is the message millions of Windows 7 users will"
    " see from Tuesday, when Google ends Chrome updates.",
    "Your browser is out of date, warns Microsoft in a pop-up that will appear on millions of"
    " Windows 10 machines from next week.",
    "Ihr Browser ist veraltet, warnt das Bundesamt für Sicherheit in der Informationstechnik"
    " und rät zum sofortigen Update.",
    "Trình duyệt của bạn cũng lưu lại lịch sử tìm kiếm, vì vậy hãy xóa nó thường xuyên nếu dùng"
    " chung máy tính.",
    "현재 브라우저 시장에서 인터넷 익스플로러는 오래된 제품으로 취급받고 있으며"
    " 점유율은 1% 미만이다.",
    "Laden Sie sich im Zweifel einen aktuellen Browser wie Firefox herunter und löschen Sie die"
    " alte Version.",
    "Activa JavaScript en la configuración de Chrome y recarga la página para que aparezca el"
    " formulario.",
    "En continuant à naviguer sans gilet de sauvetage, vous acceptez un risque inutile,"
    " rappelle la SNSM avant l'été.",
    # a story's sentences worded as a republished story's footer or a photo credit
    "Der Beitrag der Ministerin erschien zuerst auf Instagram und wurde tausendfach geteilt.",
    "Der Text ist ursprünglich in Latein verfasst worden und wurde später übersetzt.",
    "L'articolo 18 dello Statuto dei lavoratori proviene da una legge del 1970.",
    "O post com a imagem falsa apareceu primeiro em um perfil do Facebook e depois se espalhou.",
    "Cet article a été publié dans la revue Science en 2019 et cité plus de 3 000 fois.",
    "Fue publicado originalmente en 1967 por la editorial Sudamericana y traducido a 40 idiomas.",
    "Dit bericht is eerder op de dag door de politie verspreid.",
    "Статья впервые опубликована в журнале Nature в 2019 году.",
    "Bildquelle: Wer ein fremdes Foto nutzt, muss den Urheber nennen.",
    "Crédit photo : ce que dit vraiment la loi.",
    "Fot. 3 pokazuje stan mostu po powodzi.",
    "© and ™ signs mark the names the company owns, its lawyers wrote to the harbour board.",
    "Was this article helpful to the council? The mayor said it was not, and asked for a fix.",
    "Thank you for voting, the mayor told the crowd once the count on the quay was over.",
    "Thank you for your vote!",  # a candidate's words on election night
    "Pages: 320",  # a book's data in its review
    "Pages: 12, 14, 37",  # a report's pages, cited
    "© means copyright.", "Datenquelle: © Statistisches Bundesamt",
    "Siehe auch die Liste der Häfen, die der Rat im Frühjahr veröffentlicht hat.",
    "Get the latest news on the storm from the council's page, the mayor told the crowd.",
    "Die Kommentare der Leser zeigen, dass die Meinung der Redaktion nicht geteilt wird.",
    # Such lines quoted, weighed or followed by the story's next sentence (review).
    "Want more control over what lands in your inbox? Gmail's new filters can help, here is how.",
    "„Abonnieren Sie jetzt den Sparkassen-Newsletter“, heißt es in den gefälschten E-Mails.",
    "Never miss the latest news by signing up to our newsletter today! That line alone brought "
    "in 40,000 readers, the editor said.",
    "Get the latest news on WhatsApp? Only 4% of readers said they wanted that.",
    "The views expressed in the comments section were overwhelmingly negative, the readers' "
    "editor conceded.",
    "„Kommentare der Nutzer geben nicht die Meinung der Redaktion wieder“, heißt es unter jedem "
    "Artikel.",
]


@pytest.mark.parametrize("prose", PROSE, ids=range(len(PROSE)))
def test_prose_that_starts_like_a_phrase_is_kept(prose: str) -> None:
    assert line_rule(prose) is None
    paragraphs = [*ARTICLE[:2], prose, *ARTICLE[2:]]
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    assert clean(html).text.split("\n\n") == paragraphs


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "stripped"])
@pytest.mark.parametrize("notice", TRANSLATION_NOTICES)
def test_the_links_to_a_post_s_translations_go(notice: str, stripped: bool) -> None:
    """WPML prints its notice and the links in one paragraph, over or under the post."""
    line = (f'<p class="wpml-ls-statics-post_translations wpml-ls">{notice} '
            '<span><a href="/de/harbour">Deutsch</a></span>, '
            '<span><a href="/fr/harbour">Français</a></span></p>')
    html = ("<html><body><article><h1>Harbour reopens</h1>" + line
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body></html>")
    article = clean(strip_classes(html) if stripped else html)
    assert article.text.split("\n\n") == ARTICLE
    assert ("navigation", "translations-line") in {(b.kind, b.rule) for b in article.removed}


@pytest.mark.parametrize("line", [
    "<li>This page is also available in: Braille, Large Print and Audio</li>",
    "<h2>This post is also available in: Audio</h2>",
    "<p>This article is also available in: The Guardian Weekly</p>",
])
def test_a_notice_s_words_without_links_to_translations_stay(line: str) -> None:
    """Without links, the notice's words name other editions: they stay."""
    text = line.split(">", 1)[1].rsplit("<", 1)[0]
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + line
            + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</article></body></html>")
    assert clean(html).text.split("\n\n") == [*ARTICLE[:2], text, *ARTICLE[2:]]


def test_a_translation_headed_by_the_notice_stays() -> None:
    """A bilingual post may head its translation with the notice's words: the section
    under it stays."""
    translation = ["El concejo votó el lunes reabrir el puerto tras tres días de tormentas.",
                   "Los pescadores pidieron ayuda al concejo para cubrir los costes de la semana."]
    section = ("<section><h2>This article is also available in: Español</h2>"
               + "".join(f"<p>{p}</p>" for p in translation) + "</section>")
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + section + "</article></body></html>")
    assert clean(html).text.split("\n\n")[-2:] == translation


def story_with(line: str) -> str:
    return ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + f"{line}</article></body></html>")


@pytest.mark.parametrize("line", ["Pages: 1 2 3", "Seiten: 1 | 2", "Strony: 1 2"])
def test_a_split_post_s_page_numbers_go_where_they_link(line: str) -> None:
    """WordPress links every page but the one shown, which may be the first."""
    label, numbers = line.split(": ")
    every = [f"<a href='/story/{n}'>{n}</a>" if n.isdigit() else n for n in numbers.split()]
    first_shown = [numbers[0], *every[1:]]
    for links, named in ((every, True), (every, False), (first_shown, False)):
        attrs = " class='page-links'" if named else ""
        article = clean(story_with(f"<p{attrs}>{label}: {' '.join(links)}</p>"))
        assert article.text.split("\n\n") == ARTICLE
    assert clean(story_with(f"<p>{line}</p>")).text.split("\n\n") == [*ARTICLE, line]


@pytest.mark.parametrize("item", ["© Copyright, for the text and artwork", "No ratings yet"])
def test_a_list_s_item_or_a_table_s_cell_is_no_widget_line(item: str) -> None:
    """What a photo's copyright or a rating widget says alone is data in a list or table:
    an explainer's ways to mark a work, an app round-up's scores."""
    items = "".join(f"<li>{text}</li>" for text in (item, "the year of first publication",
                                                     "the owner's name"))
    cells = f"<table><tr><td>Harbour app</td><td>{item}</td></tr></table>"
    for box in (f"<ul>{items}</ul>", cells):
        html = ("<html><body><article><h1>Harbour reopens</h1>"
                + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + box
                + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</article></body></html>")
        assert item in clean(html).text


READ_ALSO_LABELS = [
    # The label of a link to another story set between a story's paragraphs, as news
    # portals write it; the headline it links may be shorter than the label.
    "Lesen Sie auch:", "Das könnte Sie auch interessieren:", "LEIA TAMBÉM:", "À lire aussi :",
    "Lee también:", "Te puede interesar:", "Leggi anche:", "Читайте также:", "Czytaj także:",
    "Może cię zainteresować:", "相关阅读：", "You may also be interested in:",
]


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "stripped"])
@pytest.mark.parametrize("label", READ_ALSO_LABELS)
def test_a_read_also_line_between_paragraphs_goes(label: str, stripped: bool) -> None:
    named = "" if stripped else " class='entry-content'"
    line = f"<p><strong>{label}</strong> <a href='/s1'>Ferry fares rise</a></p>"
    html = (f"<html><body><article><h1>Harbour reopens</h1><div{named}>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + line
            + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</div></article></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE
    assert ("related", "related-title") in {(b.kind, b.rule) for b in article.removed}


SHARE_LINE_LABELS = ["Share this article", "Diesen Artikel teilen:", "Partager cet article",
                     "Compartir esto:", "Condividi:", "Поделиться:", "分享到：", "Dela detta:"]


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "stripped"])
@pytest.mark.parametrize("label", SHARE_LINE_LABELS)
def test_a_share_line_of_a_label_and_network_links_goes(label: str, stripped: bool) -> None:
    """A share bar written as one line, its title in a <span> and the networks linked
    after it: the title alone says a phrase, the line as a whole says none."""
    named = "" if stripped else " class='entry-content'"
    line = (f"<div><span>{label}</span> <a href='https://facebook.com/sharer?u=x'>Facebook</a>"
            " <a href='https://twitter.com/intent/tweet?u=x'>X</a>"
            " <a href='mailto:?subject=x'>Email</a></div>")
    html = (f"<html><body><article><h1>Harbour reopens</h1><div{named}>{line}"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</div></article></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE
    assert ("share", "share-title") in {(b.kind, b.rule) for b in article.removed}


@pytest.mark.parametrize("line", [
    "Read more about the plan in <a href='/x'>our explainer</a>, which the ministry called fair.",
    "Lesen Sie auch, was <a href='/x'>der Minister</a> dazu sagte.",
    "<strong>Related:</strong> the council will vote on <a href='/x'>the budget</a> next week.",
])
def test_a_sentence_after_a_read_also_label_stays(line: str) -> None:
    """Words of the story's own after the label: a sentence, not a link to another story."""
    paragraphs = [*ARTICLE[:2], squash_tags(line), *ARTICLE[2:]]
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in [*ARTICLE[:2], line, *ARTICLE[2:]])
            + "</article></body></html>")
    assert clean(html).text.split("\n\n") == paragraphs


def squash_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


STORY_SECTION_HEADINGS = [
    # Words a widget's heading may hold, heading a section of the story itself (a first-aid
    # guide's "Réagir", a book column's "Polecamy", a culture guide's "Da non perdere"):
    # too general to name a widget, the section and its list of links stay.
    "Réagir", "Commenta", "Kommentieren", "Skomentuj", "Polecamy", "Populair", "Popularne",
    "Zum Thema", "Empfehlungen", "Da non perdere", "Te recomendamos", "Lo último",
    "Compartir en familia", "Partager sur place", "Meer over de Domtoren", "Популярное",
    "Leia a seguir", "Patrocinado",
]


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "stripped"])
@pytest.mark.parametrize("heading", STORY_SECTION_HEADINGS)
def test_a_story_s_own_section_under_a_general_heading_stays(heading: str,
                                                              stripped: bool) -> None:
    assert line_rule(heading) is None
    named = "" if stripped else " class='entry-content'"
    items = "".join(f"<li><a href='/guide/{n}'>{title}</a>, {detail}</li>" for n, (title, detail)
                    in enumerate([("The Harbour Museum", "open daily from ten"),
                                  ("The Lighthouse Walk", "two hours along the cliffs"),
                                  ("The Fish Market", "Saturdays before noon")]))
    html = (f"<html><body><article><h1>Harbour reopens</h1><div{named}>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + f"<h2>{heading}</h2><ul>{items}</ul>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</div></article></body></html>")
    text = clean(html).text
    assert heading in text and "The Lighthouse Walk" in text
    assert all(paragraph in text for paragraph in ARTICLE)


# Real pages: WordPress and republishing sites with every class and id removed.
SEEDLIKE = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "seedlike" / "pages"
SEEDLIKE_HEADINGS = (
    # The widget headings these pages hold (their SOURCES.tsv notes), in any case.
    "Related Posts", "Related Stories", "Related Articles", "Related Article", "Related",
    "Recommended For You", "Most Popular", "You Might Also Like", "You may also like",
    "More from author", "More from Global News", "Related to this story", "Join the discussion",
    "Leave a Reply", "Leave a Comment", "Post Your Comment", "Write a comment",
    "Let us know what you think!", "Keep in touch!", "Share this:", "Share This", "Source link",
    "Get local news delivered to your inbox!", "Be the first to know",
    "Your email address will not be published.", "Required fields are marked *",
)


@pytest.mark.skipif(not SEEDLIKE.is_dir(), reason=f"shared pages not found at {SEEDLIKE}")
@pytest.mark.parametrize("page", sorted(p.name for p in SEEDLIKE.glob("*.html"))
                         if SEEDLIKE.is_dir() else [])
def test_real_pages_without_classes_leak_no_widget_heading(page: str) -> None:
    html = (SEEDLIKE / page).read_bytes().decode("utf-8", "replace")
    html = re.sub(r"\s(?:class|id)\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", "", html)
    article = clean(html, "https://republisher.example/story")
    lines = {line.strip().casefold() for line in article.text.split("\n")}
    leaked = [h for h in SEEDLIKE_HEADINGS if h.casefold() in lines]
    assert leaked == []


TOC_TITLES = {
    # A table of contents' heading (Easy Table of Contents and its kind), as each locale
    # words it.
    "en": "Table of Contents", "es": "Tabla de contenidos", "de": "Inhaltsverzeichnis",
    "fr": "Sommaire", "it": "Indice dei contenuti", "pt": "Índice de conteúdos",
    "ru": "Оглавление", "nl": "Inhoudsopgave", "pl": "Spis treści", "tr": "İçerik tablosu",
    "fa": "فهرست مطالب", "zh": "目录", "ja": "目次", "vi": "Mục lục", "id": "Daftar Isi",
    "cs": "Obsah článku", "ko": "목차", "uk": "Зміст статті", "ar": "جدول المحتويات",
    "sv": "Innehållsförteckning", "hu": "Tartalomjegyzék", "el": "Πίνακας περιεχομένων",
    "ro": "Cuprins",
}
TOC_CASES = [(language, stripped) for language in TOC_TITLES for stripped in (False, True)]


def test_every_language_has_its_table_of_contents_title() -> None:
    assert set(TOC_TITLES) == set(WORDINGS)


@pytest.mark.parametrize(("language", "stripped"), TOC_CASES,
                         ids=[f"{lang}-{'stripped' if s else 'classed'}" for lang, s in TOC_CASES])
def test_a_table_of_contents_goes_and_the_sections_stay(language: str, stripped: bool) -> None:
    """The box of links to the article's own sections repeats its headings: it goes,
    heading and all, by the plugin's name or, without it, by its heading's words."""
    title = TOC_TITLES[language]
    assert (rule := line_rule(title)) is not None and rule.name == "toc-title", title
    sections = ("Part one", "Part two")
    links = "".join(f"<li><a href='#s{n}'>{name}</a></li>" for n, name in enumerate(sections))
    box = ("<div><p>{title}</p><ul>{links}</ul></div>" if stripped else
           "<div id='ez-toc-container'><p class='ez-toc-title'>{title}</p>"
           "<ul class='ez-toc-list'>{links}</ul></div>").format(title=title, links=links)
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            f"<p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p>{box}"
            f"<h2 id='s0'>{sections[0]}</h2><p>{ARTICLE[2]}</p>"
            f"<h2 id='s1'>{sections[1]}</h2><p>{ARTICLE[3]}</p></article></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == [*ARTICLE[:2], sections[0], ARTICLE[2],
                                          sections[1], ARTICLE[3]]
    assert ("navigation", "toc-title" if stripped else "table-of-contents") in {
        (b.kind, b.rule) for b in article.removed}


PRINT_AND_EMAIL = {
    # A share bar's print and e-mail buttons, as each locale labels them.
    "en": ("Print", "Email"), "es": ("Imprimir", "Correo electrónico"),
    "de": ("Artikel drucken", "Verlinken"), "fr": ("Imprimer", "Envoyer par e-mail"),
    "it": ("Stampa", "Invia per email"), "pt": ("Imprimir", "Enviar por e-mail"),
    "ru": ("Печать", "Эл. почта"), "nl": ("Afdrukken", "E-mail"),
    "pl": ("Drukuj", "Wyślij e-mailem"), "tr": ("Yazdır", "E-posta"), "fa": ("چاپ", "ایمیل"),
    "zh": ("打印", "电子邮件"), "ja": ("印刷", "メールで送る"), "vi": ("In bài viết", "Gửi email"),
    "id": ("Cetak", "Surat elektronik"), "cs": ("Tisk", "Poslat e-mailem"),
    "ko": ("인쇄", "이메일"), "uk": ("Друк", "Ел. пошта"), "ar": ("طباعة", "البريد الإلكتروني"),
    "sv": ("Skriv ut", "E-posta"), "hu": ("Nyomtatás", "Küldés e-mailben"),
    "el": ("Εκτύπωση", "Αποστολή με email"), "ro": ("Tipărește", "Trimite pe email"),
}


def test_every_language_has_its_print_and_email_buttons() -> None:
    assert set(PRINT_AND_EMAIL) == set(WORDINGS)


@pytest.mark.parametrize("language", sorted(PRINT_AND_EMAIL))
def test_print_and_email_buttons_go_without_class_names(language: str) -> None:
    """A share bar's buttons under the story, each a line once its class names are gone."""
    labels = PRINT_AND_EMAIL[language]
    assert all((rule := line_rule(label)) is not None and rule.kind == "share"
               for label in labels), labels
    bar = "".join(f"<div><a href='#'>{label}</a></div>" for label in labels)
    html = ("<html><body><div><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + f"{bar}</article></div></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE
    assert len([b for b in article.removed if b.kind == "share"]) == 2


@pytest.mark.parametrize("words", [("Паспорт", "Печать", "Устав"), ("Displej", "Tisk", "Wi-Fi"),
                                   ("Telefon", "E-Mail", "Sprechzeiten"),
                                   ("Telefon", "<a href='mailto:hafen@stadt.example'>E-Mail</a>")],
                         ids=["ru-seal", "cs-feature", "de-contact", "de-address"])
def test_a_button_word_that_is_no_control_stays(words: tuple[str, ...]) -> None:
    """The same words unlinked are the story's: a list of documents (a company's seal),
    of a printer's features, a contact box's label; and so is "E-Mail" linked to an
    address (a share bar's e-mail button writes a message: "mailto:?subject=...")."""
    items = "".join(f"<li>{word}</li>" for word in words)
    words = tuple(re.sub("<[^>]*>", "", word) for word in words)
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + f"<ul>{items}</ul>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</article></body></html>")
    assert clean(html).text.split("\n\n") == [*ARTICLE[:2], *words, *ARTICLE[2:]]


LOADING = {
    # What a script-filled widget prints until it loads, as each locale words it.
    "en": "Loading...", "es": "Cargando...", "de": "Wird geladen …", "fr": "Chargement…",
    "it": "Caricamento...", "pt": "Carregando...", "ru": "Загрузка...", "nl": "Laden...",
    "pl": "Ładowanie…", "tr": "Yükleniyor...", "fa": "در حال بارگذاری...", "zh": "加载中…",
    "ja": "読み込み中…", "vi": "Đang tải...", "id": "Memuat...", "cs": "Načítání…",
    "ko": "로딩 중...", "uk": "Завантаження...", "ar": "جارٍ التحميل...", "sv": "Laddar...",
    "hu": "Betöltés...", "el": "Φόρτωση...", "ro": "Se încarcă…",
}


def test_every_language_has_its_loading_placeholder() -> None:
    assert set(LOADING) == set(WORDINGS)


@pytest.mark.parametrize("language", sorted(LOADING))
def test_a_loading_placeholder_goes(language: str) -> None:
    """A widget's "Loading..." left between the story's paragraphs, its widget gone."""
    assert (rule := line_rule(LOADING[language])) is not None and rule.name == "credit-line"
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE)
    html = (f"<html><body><article><h1>Harbour reopens</h1>{paragraphs}"
            f"<div><span>{LOADING[language]}</span></div></article></body></html>")
    assert clean(html).text.split("\n\n") == ARTICLE


AD_LINES = {
    # The label over an ad slot in the story, and the line saying the story goes on below.
    "en": ("Advertisement", "Article continues below advertisement"),
    "es": ("Publicidad", "El artículo continúa después del anuncio"),
    "de": ("Anzeige", "Weiterlesen nach der Anzeige"),
    "fr": ("Publicité", "La suite après cette publicité"),
    "it": ("Pubblicità", "Il testo continua dopo la pubblicità"),
    "pt": ("Publicidade", "O texto continua após a publicidade"),
    "ru": ("Реклама", "Продолжение ниже"),
    "nl": ("Advertentie", "Lees verder onder de advertentie"),
    "pl": ("Reklama", "Ciąg dalszy pod reklamą"), "tr": ("Reklam", "Haberin devamı aşağıda"),
    "fa": ("تبلیغات", None), "zh": ("广告", None), "ja": ("スポンサーリンク", None),
    "vi": ("Quảng cáo", None), "id": ("Iklan", "Scroll untuk melanjutkan membaca"),
    "cs": ("Reklama", "Pokračování článku pod reklamou"), "ko": ("광고", None),
    "uk": ("Реклама", "Продовження нижче"), "ar": ("إعلان", None),
    "sv": ("Annons", "Artikeln fortsätter under annonsen"),
    "hu": ("Hirdetés", "A cikk a hirdetés után folytatódik"), "el": ("Διαφήμιση", None),
    "ro": ("Publicitate", "Articolul continuă după reclamă"),
}


def test_every_language_has_its_ad_label() -> None:
    assert set(AD_LINES) == set(WORDINGS)


@pytest.mark.parametrize("language", sorted(AD_LINES))
def test_an_ad_slot_label_goes_without_class_names(language: str) -> None:
    """An ad slot inside the story, its ad gone (a script fills it): its label and the
    line saying the story goes on below it stay behind, in any locale."""
    said = [line for line in AD_LINES[language] if line]
    assert all((rule := line_rule(line)) is not None and rule.name == "ad-label"
               for line in said), said
    slot = "".join(f"<div><span>{line}</span></div>" for line in said)
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + slot
            + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</article></body></html>")
    assert clean(html).text.split("\n\n") == ARTICLE


@pytest.mark.parametrize("cell", ["<td>{}</td>", "<td><p>{}</p></td>"], ids=["cell", "paragraph"])
def test_an_ad_label_word_in_a_table_is_data(cell: str) -> None:
    """"Reklama" (advertising) in a table of a company's revenues is the story's figure."""
    rows = "".join(f"<tr>{cell.format(name)}{cell.format(amount)}</tr>"
                   for name, amount in (("Reklama", "1200 zł"), ("Druk", "300 zł")))
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + f"<table>{rows}</table>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</article></body></html>")
    assert "Reklama" in clean(html).text


def test_a_share_bar_of_script_buttons_goes() -> None:
    """Buttons that are neither links nor <button>s: elements a script makes clickable."""
    bar = ("<ul><li><span role='button'>Печать</span></li>"
           "<li><span onclick='s()'>Эл. почта</span></li></ul>")
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + f"{bar}</article></body></html>")
    assert clean(html).text.split("\n\n") == ARTICLE


CONSENT_BANNERS = {
    # A consent banner's first line beyond "This site uses cookies": the first person
    # of the consent plugins ("We use cookies to ensure..."), the banners that open with
    # their purpose or that take browsing on as consent.
    "en": ("We use cookies to ensure that we give you the best experience on our website.",
           "To give you the best possible experience, this site uses cookies.",
           "Cookies help us deliver our services. By using our services, you agree to our"
           " use of cookies."),
    "es": ("Al continuar navegando, aceptas el uso de cookies.",
           "Esta página usa cookies para mejorar tu experiencia."),
    "de": ("Um unsere Webseite für Sie optimal zu gestalten und fortlaufend verbessern zu"
           " können, verwenden wir Cookies. Durch die weitere Nutzung der Webseite stimmen Sie"
           " der Verwendung von Cookies zu.",
           "Wir nutzen Cookies auf unserer Website.", "Diese Website benutzt Cookies.",
           "Durch die Nutzung dieser Website stimmen Sie der Verwendung von Cookies zu."),
    "fr": ("En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies.",
           "Afin de vous proposer le meilleur service, nous utilisons des cookies."),
    "it": ("Questo sito fa uso di cookie per migliorare l’esperienza di navigazione.",
           "Proseguendo la navigazione accetti l’uso dei cookie.",
           "Usiamo i cookie per essere sicuri che tu possa avere la migliore esperienza."),
    "pt": ("Ao continuar navegando, você concorda com o uso de cookies.",),
    "ru": ("Продолжая использовать сайт, вы соглашаетесь с использованием файлов cookie.",
           "Мы используем куки для улучшения работы сайта."),
    "nl": ("We gebruiken cookies om ervoor te zorgen dat onze website zo soepel mogelijk draait.",
           "Door gebruik te maken van deze website ga je akkoord met het gebruik van cookies."),
    "pl": ("Używamy plików cookie, aby zapewnić najlepszą jakość korzystania z naszej strony.",
           "Ta strona korzysta z ciasteczek, aby świadczyć usługi na najwyższym poziomie.",
           "Korzystając ze strony, wyrażasz zgodę na używanie plików cookie."),
    "tr": ("Size daha iyi bir hizmet sunabilmek için çerezler kullanıyoruz.",
           "Bu web sitesi çerezleri kullanmaktadır."),
    "fa": ("ما از کوکی‌ها برای بهبود تجربه شما استفاده می‌کنیم.",),
    "zh": ("我们使用cookies来确保您在我们的网站上获得最佳体验。",),
    "ja": ("当ウェブサイトではクッキーを使用しています。",),
    "vi": ("Chúng tôi sử dụng cookie để đảm bảo bạn có trải nghiệm tốt nhất.",),
    "id": ("Kami menggunakan cookie untuk memastikan Anda mendapatkan pengalaman terbaik.",),
    "cs": ("Používáme soubory cookie, abychom vám zajistili co nejlepší zážitek.",),
    "ko": ("저희는 쿠키를 사용합니다.",),
    "uk": ("Ми використовуємо файли cookie, щоб покращити роботу сайту.",),
    "ar": ("نستخدم ملفات تعريف الارتباط لضمان حصولك على أفضل تجربة.",),
    "sv": ("Vi använder cookies för att ge dig den bästa upplevelsen.",
           "Den här webbplatsen använder kakor."),
    "hu": ("Sütiket használunk a jobb felhasználói élmény érdekében.",
           "A weboldal sütiket használ."),
    "el": ("Χρησιμοποιούμε cookies για να σας προσφέρουμε την καλύτερη εμπειρία.",),
    "ro": ("Folosim cookie-uri pentru a vă oferi cea mai bună experiență.",),
}
BROWSER_NOTICES = {
    # An old browser's notice (browser-update.org's, in its translations) and a
    # scripts-off notice, as each locale words them.
    "en": ("Your web browser (Internet Explorer 11) is out of date.",
           "Please upgrade your browser to improve your experience."),
    "es": ("Tu navegador web (Internet Explorer 11) no está actualizado.",
           "Por favor, habilita JavaScript."),
    "de": ("Dein Browser ist leider veraltet.", "Bitte aktivieren Sie JavaScript."),
    "fr": ("Votre navigateur Web (Internet Explorer 11) n’est pas à jour.",
           "Veuillez activer JavaScript."),
    "it": ("Il tuo browser (Internet Explorer 11) non è aggiornato.", "Abilita JavaScript."),
    "pt": ("O seu navegador (Internet Explorer 11) está desatualizado.", "Ative o JavaScript."),
    "ru": ("Ваш браузер (Internet Explorer 11) устарел.", "Пожалуйста, включите JavaScript."),
    "nl": ("Uw webbrowser (Internet Explorer 11) is verouderd.", "Schakel JavaScript in."),
    "pl": ("Twoja przeglądarka (Internet Explorer 11) jest przestarzała.", "Włącz JavaScript."),
    "tr": ("Web tarayıcınız (Internet Explorer 11) güncel değil.",
           "JavaScript'i etkinleştirin."),
    "fa": ("مرورگر شما قدیمی است.", "لطفا جاوا اسکریپت را فعال کنید."),
    "zh": ("您的浏览器版本过低。", "请启用JavaScript。"),
    "ja": ("お使いのブラウザは古いです。", "JavaScriptを有効にしてください。"),
    "vi": ("Trình duyệt của bạn đã lỗi thời.", "Vui lòng bật JavaScript."),
    "id": ("Browser Anda sudah usang.", "Silakan aktifkan JavaScript."),
    "cs": ("Váš webový prohlížeč (Internet Explorer 11) je zastaralý.", "Povolte JavaScript."),
    "ko": ("사용 중인 브라우저는 지원되지 않는 버전입니다.", "자바스크립트를 활성화해 주세요."),
    "uk": ("Ваш браузер (Internet Explorer 11) застарів.", "Будь ласка, увімкніть JavaScript."),
    "ar": ("متصفحك قديم.", "يرجى تفعيل الجافا سكريبت."),
    "sv": ("Din webbläsare (Internet Explorer 11) är föråldrad.", "Aktivera JavaScript."),
    "hu": ("Az Ön böngészője (Internet Explorer 11) elavult.",
           "Kérjük, engedélyezze a JavaScriptet."),
    "el": ("Ο φυλλομετρητής σας (Internet Explorer 11) είναι παρωχημένος.",
           "Ενεργοποιήστε τη JavaScript."),
    "ro": ("Browserul dvs. (Internet Explorer 11) este învechit.", "Activați JavaScript."),
}


def test_every_language_has_its_consent_banners_and_browser_notices() -> None:
    assert set(CONSENT_BANNERS) == set(BROWSER_NOTICES) == set(WORDINGS)


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "unclassed"])
@pytest.mark.parametrize("language", sorted(WORDINGS))
def test_a_sites_notices_go_in_every_language(language: str, stripped: bool) -> None:
    """A consent banner's lines above the story and a browser notice below it go, named
    by their rules, with or without the consent plugin's class name."""
    banners, notices = CONSENT_BANNERS[language], BROWSER_NOTICES[language]
    for lines, name in ((banners, "cookie-notice"), (notices, "browser-notice")):
        for line in lines:
            assert (rule := line_rule(line)) is not None and rule.name == name, line
    named = "" if stripped else " class='cookie-notice-container'"
    html = (f"<html><body><div{named}>" + "".join(f"<p>{line}</p>" for line in banners)
            + "<button>OK</button></div><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article><div>"
            + "".join(f"<p>{line}</p>" for line in notices) + "</div></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE
    assert {"cookie", "meta"} <= {block.kind for block in article.removed}


READING_TIMES = {
    # A byline's reading time, as themes and reading-time plugins print it in each locale.
    "en": ("Reading time: 3 min", "3 min read"), "es": ("Tiempo de lectura: 3 minutos",
                                                       "3 min de lectura"),
    "de": ("Lesezeit: 3 Minuten", "3 Min. Lesezeit"), "fr": ("Temps de lecture : 3 min",
                                                          "3 minutes de lecture"),
    "it": ("Tempo di lettura: 3 minuti", "3 minuti di lettura"),
    "pt": ("Tempo de leitura: 3 minutos", "3 min de leitura"),
    "ru": ("Время чтения: 3 минуты", "3 мин чтения"), "nl": ("Leestijd: 3 minuten",
                                                             "3 min leestijd"),
    "pl": ("Czas czytania: 3 min", "3 minuty czytania"), "tr": ("Okuma süresi: 3 dakika",
                                                                "3 dk okuma"),
    "fa": ("زمان مطالعه: ۳ دقیقه", "۳ دقیقه مطالعه"), "zh": ("阅读时间：3分钟", "閱讀 3 分鐘"),
    "ja": ("読了時間：約3分", "この記事は約3分で読めます"), "vi": ("Thời gian đọc: 3 phút",
                                                              "3 phút đọc"),
    "id": ("Waktu baca: 3 menit", "3 menit baca"), "cs": ("Doba čtení: 3 minuty", "3 min čtení"),
    "ko": ("읽는 시간: 3분", "3분 읽기"), "uk": ("Час читання: 3 хв", "3 хв читання"),
    "ar": ("وقت القراءة: 3 دقائق", "3 دقائق للقراءة"), "sv": ("Lästid: 3 min", "3 min läsning"),
    "hu": ("Olvasási idő: 3 perc", "3 perc olvasás"), "el": ("Χρόνος ανάγνωσης: 3 λεπτά",
                                                           "3 λεπτά ανάγνωσης"),
    "ro": ("Timp de citire: 3 minute", "3 min citire"),
}


def test_every_language_has_its_reading_time() -> None:
    assert set(READING_TIMES) == set(WORDINGS)


@pytest.mark.parametrize("language", sorted(READING_TIMES))
def test_a_reading_time_goes_from_the_byline(language: str) -> None:
    for line in READING_TIMES[language]:
        assert (rule := line_rule(line)) is not None and rule.name == "byline-line", line
    header = "".join(f"<div><span>{line}</span></div>" for line in READING_TIMES[language])
    html = (f"<html><body><article><h1>Harbour reopens</h1>{header}"
            + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body></html>")
    assert clean(html).text.split("\n\n") == ARTICLE


@pytest.mark.parametrize("line", ["10 min", "3 minutes", "20 dk", "Lecture", "Lesezeit",
                                  "Lesezeit ist Lebenszeit.", "Czas czytania to czas dla siebie.",
                                  "Okuma süresi kısaldı.", "Reading time is precious.",
                                  "읽는 시간 동안 아이들은 조용했다."])
def test_a_bare_duration_is_no_reading_time(line: str) -> None:
    """A recipe's "10 min", a lone word, or a sentence that opens with the label names
    no reading time."""
    assert line_rule(line) is None


POST_NAVIGATION = {
    # The links from a post to its neighbours, as WordPress themes and Blogger print them
    # in each locale: the previous one and the next.
    "en": ("Previous Post", "Next Post"), "es": ("Entrada anterior", "Siguiente entrada"),
    "de": ("Vorheriger Beitrag", "Nächster Beitrag"),
    "fr": ("Article précédent", "Article suivant"),
    "it": ("Articolo precedente", "Articolo successivo"), "pt": ("Post anterior", "Próximo post"),
    "ru": ("Предыдущая запись", "Следующая запись"), "nl": ("Vorig bericht", "Volgend bericht"),
    "pl": ("Poprzedni wpis", "Następny wpis"), "tr": ("Önceki yazı", "Sonraki yazı"),
    "fa": ("نوشته قبلی", "نوشته بعدی"), "zh": ("上一篇", "下一篇"), "ja": ("前の投稿", "次の投稿"),
    "vi": ("Bài trước", "Bài tiếp theo"), "id": ("Pos sebelumnya", "Pos berikutnya"),
    "cs": ("Předchozí příspěvek", "Následující příspěvek"), "ko": ("이전 글", "다음 글"),
    "uk": ("Попередній запис", "Наступний запис"), "ar": ("المقالة السابقة", "المقالة التالية"),
    "sv": ("Föregående inlägg", "Nästa inlägg"), "hu": ("Előző bejegyzés", "Következő bejegyzés"),
    "el": ("Προηγούμενο άρθρο", "Επόμενο άρθρο"), "ro": ("Articolul anterior", "Articolul următor"),
}
NEIGHBOURS = ("Ferry timetable changes for the winter", "Storm damage closes the coastal road")


def test_every_language_has_its_post_navigation() -> None:
    assert set(POST_NAVIGATION) == set(WORDINGS)


@pytest.mark.parametrize("colon", [False, True], ids=["labels", "titles"])
@pytest.mark.parametrize("language", sorted(POST_NAVIGATION))
def test_the_links_to_a_post_s_neighbours_go_without_class_names(language: str,
                                                                 colon: bool) -> None:
    """Under a post, the links to the one before and the one after: the label alone
    ("« Previous Post"), or before the neighbour's title and a colon, as a theme's
    screen-reader text reads once its class names are gone."""
    labels = POST_NAVIGATION[language]
    assert all((rule := line_rule(label)) is not None and rule.name == "post-navigation"
               for label in labels), labels
    links = [f"{label}: <a href='/p{n}'>{title}</a>" if colon else f"<a href='/p{n}'>{label}</a>"
             for n, (label, title) in enumerate(zip(labels, NEIGHBOURS, strict=True))]
    html = ("<html><body><div><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE)
            + "".join(f"<div>{link}</div>" for link in links) + "</article></div></body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == ARTICLE
    assert [b.rule for b in article.removed if b.kind != "title"] == ["post-navigation"] * 2


@pytest.mark.parametrize("line", ["Previous posts in the series", "Next post", "Nächster Beitrag"])
def test_a_neighbour_s_label_without_its_link_stays(line: str) -> None:
    """The words alone are the story's: a heading over its own list of earlier parts, or
    a line of its text."""
    html = ("<html><body><article><h1>Harbour reopens</h1><p>" + ARTICLE[0] + "</p>"
            f"<h3>{line}</h3><p>{ARTICLE[1]}</p></article></body></html>")
    assert clean(html).text.split("\n\n") == [ARTICLE[0], line, ARTICLE[1]]


def test_an_excerpt_read_with_a_neighbour_s_link_stays() -> None:
    """A theme that prints the neighbour's excerpt under its link, with a <br>, makes one
    line of both as the walk reads the paragraph: a title ends without a full stop."""
    excerpt = "El ayuntamiento dice que la empresa necesita más tiempo."
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE)
            + f"<p>« Entrada anterior: <a href='/p1'>El puente abre</a><br>{excerpt}</p>"
            "</article></body></html>")
    assert excerpt in clean(html).text


@pytest.mark.parametrize("line", [
    "<p>Next post: <a href='/p2'>will the resilience fund pay for the port too</a>, or not?</p>",
    "<p>前の記事：<a href='/p1'>一月の嵐</a>では港の被害を紹介しました。</p>",
    "<ul><li>Previous article: <a href='/p1'>How the January storm hit the coast</a></li>"
    "<li>Next article: <a href='/p3'>How the council will pay</a></li></ul>",
    "<table><tr><td>14 January</td><td>Artículo siguiente: <a href='/l15'>artículo 15</a></td>"
    "</tr><tr><td>15 January</td><td>Artículo anterior: <a href='/l13'>artículo 13</a></td></tr>"
    "</table>",
], ids=["question", "ja-sentence", "list-items", "table-cells"])
def test_a_sentence_or_data_after_a_neighbour_s_label_stays(line: str) -> None:
    """After the label, a sentence (it ends with its stop) is the story's, and a list's
    item or a table's cell is data: a timeline's, a law's articles."""
    html = ("<html><body><article><h1>Harbour reopens</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + line
            + "".join(f"<p>{p}</p>" for p in ARTICLE[2:]) + "</article></body></html>")
    article = clean(html)
    assert not any(b.rule == "post-navigation" for b in article.removed)
    assert article.text.startswith(ARTICLE[0]) and article.text.endswith(ARTICLE[3])
