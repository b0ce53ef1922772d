"""What boilerplate says, in the languages most used on the web: the phrase tables
``rules.py`` builds its title, line and source rules from.

Each table maps a language (ISO 639-1) to the regular expressions of one kind of
phrase. A phrase matches a block's whole short text, case-insensitively, so it
needs no anchors; the rule adds ``\\W*`` on both sides, which also takes the
colons, full-width colons (``：``) and bidi marks around a title. Phrases are
worded the way the software that prints them words them in each locale:

* WordPress core's own translations (``wordpress-l10n``, WordPress 6.1: "Leave a
  Reply", "Your email address will not be published.", "Required fields are marked
  %s", "Comments are closed.", "Log in to Reply", "Tags:", "Recent Posts", "Leave a
  Reply to %s", "One Response to %s"), copied as each locale prints them, and as
  other versions, the formal locales (de, nl) and sister locales (pt_BR, zh_TW) print
  them ("Ihre E-Mail-Adresse...", "Bir yanıt yazın", "您的电子邮箱地址...");
* the headings of Jetpack's sharing, likes and related-posts blocks ("Share this:",
  "Like this:", "Related"), YARPP's and Contextual Related Posts' "Related posts:",
  the usual newsletter sign-up, cookie-consent, paywall and author-box headings of
  themes and plugins in each locale. Jetpack's and Akismet's wording was checked
  against saved WordPress pages for de, es, fr, it, pt, ja, zh and vi; the rest is
  each locale's usual wording, and a plugin's own translation (its ``.po`` file) is
  the authority to correct it by.

Scripts written without spaces (ja, zh, ko) need nothing special: the phrase is the
whole block. Right-to-left text (ar, fa) is matched in logical order, as the page
holds it; Persian's zero-width non-joiner (``\\u200c``) is optional, since pages
write "دیدگاه‌ها" with it, with a space or with neither.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

Lexicon = Mapping[str, tuple[str, ...]]
"""Language code -> the phrases of one kind in that language."""

_ZWNJ = "[\u200c ]?"  # Persian's zero-width non-joiner, or a space, or nothing
_N = r"(?:\d+ )?"  # a count before a heading ("3 Comments")
# the site a republished story names at its footer's end: a name of four words at most,
# not a clause ("...erschien zuerst auf Instagram und wurde tausendfach geteilt.")
_SITE = r"(?:\S+ ){0,3}\S+"
# where a share button sends the story ("Compartir en WhatsApp")
_NETWORK = r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|pinterest|e-?mail)"

# --------------------------------------------------------------------------------------
# Widget titles: the heading of a block of boilerplate, which goes with its heading.

RELATED_TITLES: Lexicon = {
    # Jetpack's "Related", YARPP's and CRP's "Related posts:", WordPress's "Recent
    # Posts" and "Recent Comments" widgets, the "you may also like" / "read also"
    # lines of themes, the "Popular Posts" and "Most read" boxes of plugins and news
    # portals, and the "Continue reading" / "Read more" link a theme ends an excerpt with.
    "es": (r"(?:artículos|noticias) relacionad[ao]s", r"lo más (?:leído|visto|popular)",
           r"últimas noticias", r"artículos recomendados",
           r"temas relacionados", r"(?:las )?más leídas", r"te puede gustar", r"ver más",
           r"lee también",
           r"más noticias", r"relacionad[oa]s?", r"(?:entradas|publicaciones) relacionadas",
           r"(?:entradas|comentarios) recientes", r"(?:también )?te (?:puede|podría) interesar",
           r"(?:te )?(?:puede|podría) gustarte(?: también)?",
           r"(?:leer|lee) más", r"(?:sigue|seguir|continuar|continúa) leyendo",
           r"(?:entradas|artículos|noticias) (?:más )?populares"),
    "de": (r"ähnliche (?:artikel|beiträge)",
           r"(?:das|diese(?: artikel)?) könnten? (?:dich|sie) (?:auch|ebenfalls) interessieren",
           r"gleich weiterlesen\W*",
           r"mehr zum thema", r"weitere (?:artikel|beiträge|nachrichten)", r"lesen sie auch",
           r"meistgelesen", r"verwandte (?:beiträge|artikel)", r"letzte beiträge",
           r"neueste (?:beiträge|kommentare)", r"(?:die )?neuesten? (?:artikel|nachrichten)",
           r"aktuelle nachrichten", r"empfohlene artikel", r"empfehlungen der redaktion",
           r"verwandte themen", r"top-?themen", r"zum thema\s*[:：]",
           r"auch interessant",
           r"(?:ähnliche|passende) (?:themen|news)",
           r"weiter ?lesen", r"mehr lesen",
           r"(?:beliebte|populäre|meistgelesene) (?:beiträge|artikel|nachrichten)"
           r"(?: zum thema)?",
           r"am meisten gelesen",
           # "More from ...", as the English rule reads it; a video box's heading
           r"mehr (?:von|bei|zu[mr]?|aus|videos|artikel|beiträge|nachrichten)(?: .{0,40})?",
           r"weitere videos", r"(?:dies|das) passt zum thema", r"schon gelesen\??",
           r"(?:artikel|beiträge) und videos zum thema",
           r"weiterführende (?:artikel|beiträge|links)(?: zu diesem thema| zum thema)?",
           r"weiterlesen (?:auf|bei) .{1,40}",
           # YARPP's empty box, and a sidebar's list of readers' latest comments
           r"keine (?:ähnlichen|verwandten) (?:beiträge|artikel)\.?",
           r"neueste leser-?kommentare"),
    "fr": (r"articles? similaires", r"(?:à )?lire aussi", r"sur le même (?:sujet|thème)",
           r"(?:les articles )?les plus (?:lus|populaires|commentés|partagés|consultés)",
           r"dans la même rubrique", r"à lire également", r"voir aussi",
           r"recommandé pour vous", r"articles recommandés",
           r"(?:nos )?dernières actualités", r"derniers articles",
           r"vous aimerez (?:aussi|peut-être)", r"à voir aussi", r"similaires?",
           r"articles (?:liés|connexes|récents)", r"commentaires récents",
           r"publications similaires",
           r"vous aimerez aussi", r"vous pourriez aussi aimer", r"à découvrir aussi",
           r"lire la suite", r"continuer la lecture",
           r"(?:articles|publications) (?:les plus )?populaires"),
    "it": (r"(?:potrebbe|ti potrebbe) interessar(?:ti|e)(?: anche)?", r"leggi anche",
           r"ti potrebbero interessare(?: anche)?",
           r"i più (?:letti|popolari|commentati|visti)", r"correlati",
           r"ultime notizie", r"ultimi articoli", r"altre notizie", r"notizie correlate",
           r"(?:post|articoli|commenti) (?:correlati|recenti)",
           r"potrebbe piacerti anche",
           r"ti potrebbe (?:anche )?piacere",
           r"leggi (?:tutto|di più)", r"continua a leggere",
           r"(?:articoli|post|notizie) (?:più )?popolari"),
    "pt": (r"(?:artigos|notícias|posts|matérias|tópicos) relacionad[oa]s", r"veja também",
           r"mais (?:lid[oa]s|populares|vist[oa]s)(?: da semana| do dia)?",
           r"últimas notícias", r"mais notícias", r"recomendad[oa]s para você", r"veja mais",
           r"relacionad[oa]s?", r"(?:posts|artigos|comentários) recentes", r"leia (?:mais|também)",
           r"publicações relacionadas", r"(?:você )?pode (?:também )?gostar(?: de)?",
           r"(?:continue|continuar) (?:lendo|a ler)", r"ler mais",
           r"(?:posts|artigos|notícias) populares"),
    "ru": (r"похожие (?:статьи|новости|материалы)", r"читайте также", r"материалы по теме",
           r"по теме", r"самое (?:читаемое|популярное)", r"вам (?:может быть|будет) интересно",
           r"похожее", r"похожие записи", r"новости по теме", r"ещ[её] по теме",
           r"последние новости", r"другие новости", r"выбор редакции", r"читать также",
           r"свежие (?:записи|комментарии)",
           r"вам (?:также )?может понравиться",
           r"рекомендуем(?: прочитать)?", r"смотрите также",
           r"читать (?:далее|дальше|полностью)", r"подробнее",
           r"популярные (?:записи|статьи|новости|материалы)",
           r"самые (?:читаемые|популярные)(?: статьи| новости| материалы)?"),
    "nl": (r"gerelateerde (?:artikelen|berichten)", r"lees ook", r"meest (?:gelezen|bekeken)",
           r"ook interessant", r"aanbevolen artikelen", r"laatste nieuws",
           r"meer over (?:dit|het) (?:onderwerp|thema)",
           r"meer nieuws",
           r"gerelateerd", r"(?:meest )?recente (?:berichten|reacties)",
           r"misschien ook interessant",
           r"dit vind je misschien ook leuk",
           r"lees (?:meer|verder)", r"verder lezen",
           r"populaire (?:berichten|artikelen)"),
    "pl": (r"podobne(?: wpisy| artykuły)?", r"powiązane(?: wpisy| artykuły)?",
           r"najnowsze (?:wpisy|artykuły|wiadomości)", r"polecane artykuły",
           r"ostatnie komentarze",
           r"(?:zobacz|czytaj) (?:też|także|również)", r"może (?:cię|ci) zainteresować",
           r"czytaj (?:dalej|więcej)",
           r"najczęściej czytane", r"popularne (?:wpisy|artykuły)",
           r"najpopularniejsze(?: wpisy| artykuły)?"),
    "tr": (r"ilgili(?: yazılar| içerikler| haberler)?", r"benzer (?:yazılar|haberler)",
           r"diğer haberler", r"önerilen (?:haberler|yazılar)", r"son haberler", r"sıradaki haber",
           r"son (?:yazılar|yorumlar)",
           r"bunlar(?:ı)? da (?:ilginizi çekebilir|beğenebilirsiniz)", r"(?:bunu da|ayrıca) oku",
           r"devamını oku", r"okumaya devam et",
           r"en çok okunan(?:lar)?(?: haberler)?", r"popüler (?:yazılar|haberler|içerikler)"),
    "fa": (r"مرتبط", rf"نوشته{_ZWNJ}های (?:مرتبط|تازه)", rf"آخرین دیدگاه{_ZWNJ}ها", r"مطالب مرتبط",
           r"بیشتر بخوانید", r"پیشنهاد(?: ما)?",
           r"ادامه(?: مطلب| خواندن)",
           rf"پربازدیدترین(?:{_ZWNJ}ها| مطالب)?", r"مطالب (?:پربازدید|محبوب)"),
    "zh": (r"相[关關]", r"相[关關](?:文章|[阅閱][读讀]|新[闻聞])(?:推[荐薦])?",
           r"最新文章",
           r"猜你喜[欢歡]", r"更多新[闻聞]", r"推[荐薦][阅閱][读讀]",
           r"近期(?:文章|评论|評論|留言)",
           r"推荐阅读", r"延伸[阅閱][读讀]",
           r"[你您]可能(?:也|还|還)?(?:喜[欢歡]|感[兴興]趣)",
           r"[阅閱][读讀](?:更多|全文)", r"[继繼][续續][阅閱][读讀]",
           r"[热熱][门門](?:文章|新[闻聞])", r"最受[欢歡]迎(?:的文章)?", r"[热熱][读讀]"),
    "ja": (r"関連", r"関連(?:記事|ニュース|リンク)", r"こちらもおすすめ", r"(?:最新|新着)記事",
           r"最近の(?:投稿|コメント)", r"おすすめ記事", r"あわせて読みたい",
           r"こちらの記事もおすすめ",
           r"続きを読む",
           r"人気(?:の)?記事", r"よく読まれている記事", r"アクセスランキング"),
    "vi": (r"(?:có )?liên quan", r"bài viết (?:liên quan|mới)", r"bình luận gần đây",
           r"tin (?:liên quan|khác)",
           r"xem thêm", r"có thể bạn quan tâm",
           r"đọc (?:tiếp|thêm)",
           r"(?:bài viết|tin) (?:xem nhiều|đọc nhiều|phổ biến)(?: nhất)?", r"đọc nhiều nhất"),
    "id": (r"terkait", r"(?:artikel|pos|tulisan) terkait", r"tulisan terakhir",
           r"pos-pos terbaru", r"komentar terbaru", r"baca juga",
           r"baca selengkapnya", r"lanjutkan membaca",
           r"(?:artikel|pos|berita) (?:populer|terpopuler)", r"terpopuler",
           r"paling banyak dibaca"),
    "cs": (r"související(?: příspěvky| články)?", r"nejnovější (?:příspěvky|komentáře)",
           r"čtěte také",
           r"mohlo by vás zajímat",
           r"(?:číst|čtěte) dále", r"pokračovat ve čtení",
           r"nejčtenější(?: články)?", r"oblíbené (?:příspěvky|články)"),
    "ko": (r"관련(?: 글| 기사| 게시물)?", r"최근 (?:글|댓글)", r"함께 보면 좋은 글", r"추천 글",
           r"더 ?(?:보기|읽기)", r"계속 읽기",
           r"인기 (?:글|기사)", r"(?:가장 )?많이 본 (?:뉴스|기사)"),
    "uk": (r"схоже", r"схожі (?:записи|статті)", r"останні (?:публікації|коментарі)",
           r"читайте також",
           r"вам (?:також )?може сподобатися",
           r"читати (?:далі|більше)", r"детальніше",
           r"популярні (?:записи|статті|новини)", r"найпопулярніше", r"найчитаніше"),
    "ar": (r"ذات صلة", r"(?:مقالات|مواضيع|تدوينات) ذات صلة", r"أحدث (?:التدوينات|التعليقات)",
           r"اقرأ أيضا?ً?", r"قد يعجبك أيضا?ً?",
           r"اقرأ المزيد", r"(?:تابع|أكمل) القراءة",
           r"الأكثر (?:قراءة|مشاهدة)", r"(?:مقالات|مواضيع) (?:شائعة|شعبية)"),
    "sv": (r"relatera(?:de?|t)(?: inlägg)?", r"senaste (?:inläggen|kommentarer)", r"läs också",
           r"du kanske också gillar",
           r"läs (?:mer|vidare)", r"fortsätt läsa",
           r"populära (?:inlägg|artiklar)", r"mest lästa"),
    "hu": (r"kapcsolódó(?: bejegyzések| cikkek)?", r"legutóbbi (?:bejegyzések|hozzászólások)",
           r"ez is érdekelhet", r"ajánlott cikkek",
           r"tovább(?: olvasom)?", r"bővebben", r"olvass tovább",
           r"népszerű (?:bejegyzések|cikkek)", r"legolvasottabb(?: cikkek)?"),
    "el": (r"σχετικά(?: άρθρα)?", r"πρόσφατα (?:άρθρα|σχόλια)", r"διαβάστε (?:επίσης|ακόμα)",
           r"μπορεί επίσης να σας αρέσει",
           r"διαβάστε (?:περισσότερα|τη συνέχεια)",
           r"δημοφιλή(?: άρθρα)?", r"τα πιο (?:διαβασμένα|δημοφιλή)"),
    "ro": (r"similare", r"articole (?:similare|asemănătoare|recente)", r"comentarii recente",
           r"citește și",
           r"s-ar putea să (?:vă|îți) (?:placă|intereseze)",
           r"citește (?:mai mult|tot|mai departe)",
           r"articole populare", r"cele mai citite"),
}

COMMENT_TITLES: Lexicon = {
    # WordPress core: "Leave a Reply", "Leave a Comment", "Comments" (with its count),
    # "Leave a Reply to %s", "One Response to %s"; news portals' "Reader comments".
    "es": (r"deja (?:una respuesta|un comentario)", r"deja(?:r)? un comentario",
           rf"{_N}comentarios?", r"responder a .{1,80}",
           r"una respuesta a .{1,120}", r"\d+ respuestas a .{1,120}",
           r"comentarios de (?:los )?lectores"),
    "de": (r"kommentare?", r"jetzt kommentieren", r"(?:schreibe|hinterlasse) einen kommentar",
           r"kommentar schreiben",
           # WordPress.com's "Leave a Reply", and an empty thread's heading
           r"(?:einen )?kommentar (?:verfassen|schreiben)",
           r"(?:bisher |noch )?keine kommentare(?: vorhanden)?\.?",
           r"hinterlasse (?:eine antwort|einen kommentar)(?: zu .{1,80})?",
           r"hinterlassen sie (?:eine antwort|einen kommentar)",  # the formal locale
           r"ein kommentar zu .{1,120}", r"\d+ kommentare zu .{1,120}", r"\d+ kommentare",
           r"leserkommentare", r"lesermeinungen", r"kommentare anzeigen"),
    "fr": (r"laisser (?:un commentaire|une réponse)", r"commentaires?",
           r"répondre à .{1,80}",
           r"une réponse à .{1,120}", r"\d+ réponses à .{1,120}",
           r"\d+ commentaires?",
           r"(?:les )?commentaires des lecteurs", r"réactions des lecteurs"),
    "it": (r"una replica a .{1,120}", r"\d+ repliche a .{1,120}",
           r"lascia (?:un commento|una risposta)", r"commento", rf"{_N}commenti",
           r"rispondi a .{1,80}",
           r"una risposta a .{1,120}",
           r"\d+ risposte a .{1,120}",
           r"commenti dei lettori"),
    "pt": (r"deixe (?:um comentário|uma resposta)", r"deix(?:e|ar) (?:um|o seu) comentário",
           r"deixar uma resposta",
           rf"{_N}comentários?", r"um comentário (?:sobre|em) .{1,120}",
           r"uma resposta a .{1,120}", r"deixe um comentário sobre .{1,80}",
           r"comentários dos leitores"),
    "ru": (r"добавить комментарий(?: для .{1,80})?", r"оставить комментарий",
           r"оставьте (?:комментарий|ответ)",
           rf"{_N}комментари(?:и|й|я|ев)", r"один комментарий (?:на|к) .{1,120}",
           r"обсуждение",
           r"комментарии читателей"),
    "nl": (r"laat een reactie achter", r"geef een reactie", r"een reactie plaatsen",
           rf"{_N}reacties?",
           r"laat een reactie achter bij .{1,80}", r"een reactie op .{1,120}",
           r"\d+ reacties op .{1,120}",
           r"reacties van lezers", r"lezersreacties"),
    "pl": (r"dodaj komentarz", r"zostaw (?:komentarz|odpowiedź)",
           rf"{_N}komentarz(?:e|y)?", r"odpowiedz na .{1,80}",
           r"jedna odpowiedź na .{1,120}", r"\d+ odpowiedzi na .{1,120}",
           r"komentarze czytelników"),
    "tr": (r"bir (?:cevap|yanıt|yorum) yaz(?:ın)?", r"yorum yap(?:ın)?", rf"{_N}yorum(?:lar)?",
           r"(?:bir|\d+) cevap",
           r"okur yorumları"),
    "fa": (r"دیدگاهتان را بنویسید", r"پاسخ دهید", rf"{_N}دیدگاه(?:{_ZWNJ}ها)?",
           r"نوشتن دیدگاه", r"پاسخ دادن به .{1,80}", rf"{_N}نظرات",
           r"نظرات خوانندگان"),
    "zh": (r"发表(?:评论|回复)", r"發表迴響", r"[评評][论論](?:\d+)?", r"迴響", r"留言",
           r"向.{1,80}进行回复", r"對 ?.{1,80} ?發表迴響", r"發佈留言",
           r"[读讀]者[评評][论論]"),
    "ja": (r"(?:コメント|返信)を(?:残す|書く)", r"コメントする", r"(?:\d+ ?件の)?コメント",
           r"読者のコメント"),
    "vi": (r"gửi phản hồi", r"để lại (?:một )?(?:phản hồi|bình luận)",
           rf"{_N}(?:phản hồi|bình luận)",
           r"trả lời phản hồi cho .{1,80}",
           r"bình luận của (?:độc giả|bạn đọc)", r"ý kiến bạn đọc"),
    "id": (r"tinggalkan (?:balasan|(?:sebuah )?komentar)(?: ke .{1,80})?", rf"{_N}komentar",
           r"satu balasan (?:ke|untuk) .{1,120}", r"\d+ balasan (?:ke|untuk) .{1,120}",
           r"komentar pembaca"),
    "cs": (r"napsat komentář(?: k .{1,80})?", r"zanech(?:te|at) (?:komentář|odpověď)",
           rf"{_N}komentář(?:e|ů)?",
           r"jedna reakce na .{1,120}", r"\d+ reakc(?:e|í) na .{1,120}",
           r"komentáře čtenářů"),
    "ko": (r"(?:댓글|답글|응답) 남기기", r"(?:\d+ ?개의 )?댓글", r"댓글 달기",
           r"독자 댓글"),
    "uk": (r"напишіть (?:відгук|коментар)", r"(?:залишити|додати) (?:відповідь|коментар)",
           rf"{_N}коментар(?:і|ів)?", r"написати відповідь до .{1,80}",
           r"\d+ коментар(?:і|ів)? до .{1,120}",
           r"коментарі читачів"),
    "ar": (r"(?:أضف|أكتب|اترك) (?:تعليق|تعليقاً|تعليقا|رداً|ردا)(?: على .{1,80})?",
           rf"{_N}تعليقات", r"\d+ تعليقات? على .{1,120}", r"التعليقات",
           r"تعليقات القراء"),
    "sv": (r"kommentera", r"lämna (?:ett svar|en kommentar)(?: till .{1,80})?", rf"{_N}kommentarer",
           r"en kommentar till .{1,120}", r"\d+ kommentarer till .{1,120}",
           r"läsarkommentarer"),
    "hu": (r"vélemény, hozzászólás\?", r"vélemény\?", r"hozzászólás (?:most!?|írása)",
           rf"{_N}hozzászólás(?:ok)?", r"hozzászólás a\(z\) .{1,80} bejegyzéshez",
           r"egy hozzászólás a\(z\) .{1,120}", r"minden vélemény számít!?",
           r"olvasói (?:hozzászólások|vélemények)"),
    "el": (r"σχολιάστε", r"γράψτε σχόλιο", r"αφήστε (?:μια απάντηση|ένα σχόλιο)",
           rf"{_N}σχόλια", r"γράψτε απάντηση στο .{1,80}", r"μία απάντηση στο .{1,120}",
           r"σχόλια (?:αναγνωστών|των αναγνωστών)"),
    "ro": (r"lasă un (?:răspuns|comentariu)(?: către .{1,80})?", rf"{_N}comentarii",
           r"un (?:gând|comentariu) despre .{1,120}",
           r"\d+ (?:gânduri|comentarii) despre .{1,120}",
           r"comentariile cititorilor"),
}

SHARE_TITLES: Lexicon = {
    # Jetpack's "Share this:" and "Like this:", a theme's "Share" and "Follow us".
    "es": (rf"compart(?:ir|e)(?: esto| este artículo| esta noticia| en(?: {_NETWORK})?)?",
           r"me gusta esto", r"me gusta",
           r"síguenos(?: en .{1,30})?"),
    "de": (r"diese geschichte teilen",
           r"teilen", r"(?:(?:diesen|den) )?(?:artikel|beitrag|seite) teilen(?:/drucken)?",
           r"teilen (?:mit|über|auf|per)",
           r"teile (?:dies|diesen (?:beitrag|artikel))(?: (?:mit|auf|über))?",
           r"(?:den|diesen) (?:artikel|beitrag) mit (?:anderen|freunden) teilen"
           r"(?:/diskutieren)?",
           r"möchten sie (?:den|diesen) (?:artikel|beitrag) teilen\?", r"freunden mitteilen",
           r"drucken",
           r"teilen sie (?:dies|diesen beitrag)(?: mit)?",  # Jetpack's formal German
           r"gefällt mir",
           r"(?:folge(?:n sie)?|folgt|liken sie) uns(?: auf .{1,30})?",
           r"wie hat (?:ihnen|dir) (?:dieser|der|unser) (?:artikel|beitrag) gefallen\?",
           r"(?:bewerte|bewerten sie) (?:diesen|den) (?:artikel|beitrag)"),
    "fr": (rf"partager(?: cet article| ceci| la publication| sur {_NETWORK})?",
           r"j[’']aime(?: ceci| ça)?",
           r"suivez-nous(?: sur .{1,30})?"),
    "it": (r"condividi(?: questo articolo| l'articolo)?", r"mi piace(?: questo)?",
           r"seguici(?: su .{1,30})?"),
    "pt": (r"compartilh(?:e|ar)(?: isso| este artigo)?", r"partilh(?:e|ar)(?: isto)?",
           r"curtir isso", r"gost(?:o|ar) disto", r"siga-nos(?: n[ao] .{1,30})?"),
    "ru": (r"поделиться(?: ссылкой| в соцсетях)?", r"нравится", r"мне нравится",
           r"подписывайтесь на нас(?: в .{1,30})?"),
    "nl": (r"(?:dit )?delen", r"deel (?:dit|het) artikel", r"vind ik leuk",
           r"volg ons(?: op .{1,30})?"),
    "pl": (r"udostępnij(?: to| ten wpis)?", r"lubię to", r"podoba mi się",
           r"obserwuj nas(?: na .{1,30})?"),
    "tr": (r"(?:bunu |haberi )?paylaş", r"(?:bunu )?beğen", r"bizi takip edin"),
    "fa": (rf"اشتراک{_ZWNJ}گذاری", r"به اشتراک بگذارید", r"بپسندید", r"پسندیدن(?: این)?",
           r"ما را دنبال کنید"),
    "zh": (r"分享(?:此文|此文章|到)?", r"共享此文章", r"[赞讚]过?", r"按[赞讚]",
           r"喜[欢歡](?:此文)?",
           r"[关關]注我[们們]"),
    "ja": (r"共有(?:する)?", r"シェア(?:する)?", r"この記事をシェア(?:する)?", r"いいね",
           r"フォローする"),
    "vi": (r"chia sẻ(?: bài viết| bài này)?", r"thích(?: bài này| điều này)?",
           r"theo dõi chúng tôi"),
    "id": (r"bagikan(?: ini)?", r"(?:menyukai|suka) ini", r"ikuti kami(?: di .{1,30})?"),
    "cs": (r"sdílejte(?: tento článek)?", r"sdílet", r"líbí se mi", r"to se mi líbí",
           r"sledujte nás"),
    "ko": (r"공유하기", r"공유", r"좋아하기", r"좋아요", r"팔로우"),
    "uk": (r"поширити", r"поділитися", r"подобається", r"вподобати", r"стежте за нами"),
    "ar": (r"شارك(?: هذا| هذا الموضوع| المقال)?", r"مشاركة", r"أعجبني هذا", r"إعجاب", r"تابعونا"),
    "sv": (r"dela(?: det här| detta)?", r"gilla(?: detta)?", r"följ oss(?: på .{1,30})?"),
    "hu": (r"megosztás", r"oszd meg", r"kedvelés", r"tetszik", r"kövess(?: minket|en minket)"),
    "el": (r"κοινοποίηση", r"μοιραστείτε(?: το)?", r"μου αρέσει", r"ακολουθήστε μας"),
    "ro": (r"partajează(?: asta)?", r"distribuie", r"apreciază(?: asta)?", r"îmi place",
           r"urmărește-ne"),
}

PRINT_AND_EMAIL: Lexicon = {
    # A share bar's print and e-mail buttons, as sharing plugins label them in each locale
    # ("Print", "Email"): each a line of its own once the bar's class names are gone. Only
    # words that label nothing else: Vietnamese "In" alone is a preposition's line too.
    "es": (r"imprimir(?: (?:este |el )?artículo)?", r"enviar por (?:correo|e-?mail)",
           r"correo electrónico"),
    "de": (r"(?:artikel|beitrag|seite) (?:aus)?drucken", r"ausdrucken",
           r"(?:artikel |beitrag )?(?:per|als) e-?mail (?:versenden|senden|verschicken)",
           r"e-?mail", r"verlinken"),
    "fr": (r"imprimer(?: (?:cet|l[’'])article)?",
           r"envoyer (?:par|à un ami par) (?:e-?mail|courriel)", r"e-?mail"),
    "it": (r"stampa(?: (?:questo |l[’'])articolo)?", r"invia (?:per|via|tramite) e-?mail",
           r"e-?mail"),
    "pt": (r"imprimir(?: (?:este |o )?artigo)?", r"enviar por e-?mail", r"e-?mail"),
    "ru": (r"печать", r"распечатать(?: статью)?", r"версия для печати",
           r"отправить (?:по (?:почте|e-?mail)|на (?:почту|e-?mail))", r"эл\. почта"),
    "nl": (r"(?:artikel )?afdrukken", r"printen", r"(?:e-?mail|mail) (?:dit artikel|een vriend)",
           r"e-?mail"),
    "pl": (r"drukuj(?: artykuł)?", r"wydrukuj", r"wersja do druku", r"wyślij (?:e-?mailem|mailem)",
           r"e-?mail"),
    "tr": (r"yazdır", r"e-?posta (?:ile )?gönder", r"e-?posta"),
    "fa": (r"چاپ(?: مطلب| خبر)?", r"نسخه چاپی", r"ارسال به دوستان", r"ایمیل"),
    "zh": (r"[打列]印(?:本[页頁]|此文|文章)?", r"[电電]子[邮郵]件", r"[邮郵]件分享"),
    "ja": (r"印刷(?:する)?", r"メール(?:で送る)?"),
    "vi": (r"in bài(?: viết| này)?", r"gửi email", r"email"),
    "id": (r"cetak(?: artikel)?", r"kirim (?:lewat |via )?email", r"surat elektronik"),
    "cs": (r"tisk(?:nout)?", r"vytisknout(?: článek)?", r"poslat e-?mailem", r"e-?mail"),
    "ko": (r"인쇄(?:하기)?", r"(?:이)?메일(?: 보내기)?"),
    "uk": (r"друк", r"роздрукувати", r"надіслати (?:поштою|на пошту)", r"ел\. пошта"),
    "ar": (r"طباعة(?: المقال| الخبر)?", r"أرسل (?:لصديق|إلى صديق)", r"البريد الإلكتروني"),
    "sv": (r"skriv ut", r"e-?posta", r"mejla"),
    "hu": (r"nyomtatás", r"küldés e-?mailben", r"e-?mail"),
    "el": (r"εκτύπωση", r"αποστολή (?:με|μέσω) e-?mail", r"e-?mail"),
    "ro": (r"(?:printează|tipărește)(?: articolul)?", r"trimite (?:pe|prin) e-?mail", r"e-?mail"),
}

LOADING: Lexicon = {
    # What a script-filled widget (Jetpack's likes, a comments or gallery plugin) prints
    # until its script runs: "Loading...". Never the article's words on a line alone.
    "es": (r"cargando",), "de": (r"(?:wird )?geladen", r"lade", r"lädt"),
    "fr": (r"chargement(?: en cours)?",), "it": (r"caricamento(?: in corso)?",),
    "pt": (r"carregando", r"a carregar"), "ru": (r"загрузка",), "nl": (r"(?:aan het )?laden",),
    "pl": (r"ładowanie", r"wczytywanie"), "tr": (r"yükleniyor",), "fa": (r"در حال بارگذاری",),
    "zh": (r"(?:加载|載入|加載)中",), "ja": (r"読み込み中",), "vi": (r"đang tải",),
    "id": (r"memuat",), "cs": (r"načítání", r"načítá se"), "ko": (r"(?:로딩|불러오는) 중",),
    "uk": (r"завантаження",), "ar": (r"جار[ٍي]? التحميل",), "sv": (r"laddar",),
    "hu": (r"betöltés",), "el": (r"φόρτωση",), "ro": (r"se încarcă",),
}


def reading_time(label: str) -> str:
    """A reading time's ``label`` with its figure: after a colon ("Czas czytania: 3 min"),
    or a number after a space and at most a short word ("Lesezeit ca. 3 Minuten"). The
    label alone begins sentences ("Czas czytania to czas dla siebie.")."""
    return rf"{label}(?:\s?[:：]\s?.{{0,20}}+|\s(?:\w{{1,5}}\.?\s)?\d.{{0,15}}+)"


READING_TIME: Lexicon = {
    # A byline's reading time, "Reading time: 3 min" or "3 min read", as themes and
    # reading-time plugins word it: a line of the header, not of the story.
    "es": (reading_time(r"tiempo de lectura"), r"\d+ min(?:utos?)?\.? de lectura"),
    "de": (reading_time(r"lesezeit"), r"\d+ min(?:uten?)?\.? lesezeit",
           reading_time(r"lesedauer")),
    "fr": (reading_time(r"temps de lecture"), r"lecture:? \d+ min(?:utes?)?\.?",
           r"\d+ min(?:utes?)?\.? de lecture"),
    "it": (reading_time(r"tempo di lettura"), r"lettura(?: di)?:? \d+ min(?:uti)?\.?",
           r"\d+ min(?:uti)?\.? di lettura"),
    "pt": (reading_time(r"tempo de leitura"), r"\d+ min(?:utos?)?\.? de leitura"),
    "ru": (reading_time(r"время (?:чтения|прочтения)"),
           r"\d+ мин(?:ут[аы]?)?\.? (?:чтения|на чтение)",
           r"читать \d+ мин(?:ут[аы]?)?\.?"),
    "nl": (reading_time(r"leestijd"), r"\d+ min(?:uten)?\.? (?:leestijd|lezen)"),
    "pl": (reading_time(r"czas czytania"), r"\d+ min(?:ut[ay]?)?\.? (?:czytania|lektury)"),
    "tr": (reading_time(r"okuma süresi"), r"\d+ (?:dk|dakika)\.? okuma(?: süresi)?"),
    "fa": (reading_time(r"زمان (?:مطالعه|خواندن)"), r"\d+ دقیقه (?:مطالعه|خواندن)"),
    "zh": (r"[阅閱][读讀](?:时间|時間|需要|約|约)?\s*[:：]?\s*\d+\s*分[钟鐘]?",
           r"(?:预计|預計)?[阅閱][读讀](?:时间|時間)\s*[:：].{0,20}"),
    "ja": (r"(?:読了時間|この記事は約)\s*[:：]?\s*(?:約)?\s*\d+\s*分.{0,10}",),
    "vi": (reading_time(r"thời gian đọc"), r"\d+ phút đọc"),
    "id": (reading_time(r"waktu baca"), r"\d+ menit (?:baca|membaca)"),
    "cs": (reading_time(r"doba čtení"), r"\d+ min(?:ut[ay]?)?\.? čtení"),
    "ko": (reading_time(r"읽는 (?:데 걸리는 )?시간"), r"\d+분 읽기"),
    "uk": (reading_time(r"час (?:читання|прочитання)"),
           r"\d+ хв(?:илин[аи]?)?\.? (?:читання|на читання)"),
    "ar": (reading_time(r"وقت القراءة"), r"\d+ (?:دقائق|دقيقة) (?:للقراءة|قراءة)"),
    "sv": (reading_time(r"lästid"), r"\d+ min(?:uter)?\.? (?:läsning|lästid)"),
    "hu": (reading_time(r"olvasási idő"), r"\d+ perc(?:es)? (?:olvasás|olvasnivaló)"),
    "el": (reading_time(r"χρόνος ανάγνωσης"), r"\d+ λεπτ(?:ά|ό) (?:ανάγνωσης|ανάγνωση)"),
    "ro": (reading_time(r"timp (?:de citire|de lectură)"),
           r"\d+ min(?:ute)?\.? (?:de )?(?:citire|lectură)"),
}

AD_LABELS: Lexicon = {
    # The label over an ad slot in the story ("Advertisement"), and the line that says the
    # story goes on after it ("Article continues below advertisement"), in each locale.
    "es": (r"publicidad", r"anuncio", r"contenido patrocinado",
           r"(?:el )?(?:artículo|texto|contenido) (?:continúa|sigue) (?:después|debajo|tras) "
           r"(?:del|de la) (?:anuncio|publicidad)"),
    "de": (r"anzeige", r"werbung", r"gesponserter inhalt",
           r"weiter(?:lesen)? nach der (?:anzeige|werbung)",
           r"(?:der )?artikel (?:geht|wird) (?:unten |nach der (?:anzeige|werbung) )?"
           r"(?:weiter|fortgesetzt)"),
    "fr": (r"publicité", r"annonce", r"contenu sponsorisé",
           r"la suite (?:de l[’']article )?(?:après|sous) (?:cette|la) (?:publicité|annonce)"),
    "it": (r"pubblicità", r"annuncio", r"contenuto sponsorizzato",
           r"(?:l[’']articolo|il testo) continua (?:dopo|sotto) (?:la pubblicità|l[’']annuncio)"),
    "pt": (r"publicidade", r"anúncio", r"conteúdo patrocinado",
           r"(?:o )?(?:texto|artigo) continua (?:depois d[ao]|após [ao]|abaixo d[ao]) "
           r"(?:publicidade|anúncio)",
           r"continua (?:depois|após) da publicidade"),
    "ru": (r"реклама", r"на правах рекламы", r"партн[её]рский материал",
           r"продолжение (?:ниже|после рекламы)"),
    "nl": (r"advertentie", r"gesponsorde? (?:inhoud|content)",
           r"lees verder (?:onder|na) de advertentie"),
    "pl": (r"reklama", r"(?:materiał|artykuł) sponsorowany",
           r"(?:ciąg dalszy|dalsza część) (?:artykułu |tekstu )?"
                       r"(?:pod|poniżej)(?: reklamą| materiałem wideo)?"),
    "tr": (r"reklam", r"sponsorlu içerik", r"haberin devamı (?:reklamdan sonra|aşağıda)"),
    "fa": (r"تبلیغات", r"آگهی"),
    "zh": (r"[广廣]告",), "ja": (r"広告", r"スポンサーリンク"), "vi": (r"quảng cáo",),
    "id": (r"iklan", r"(?:scroll|gulir) untuk (?:melanjutkan|lanjut) membaca"),
    "cs": (r"reklama", r"pokračování (?:článku )?pod reklamou"), "ko": (r"광고",),
    "uk": (r"реклама", r"продовження (?:нижче|після реклами)"), "ar": (r"إعلان", r"إعلانات"),
    "sv": (r"annons", r"artikeln fortsätter (?:efter|under) annonsen"),
    "hu": (r"hirdetés", r"a cikk a hirdetés után folytatódik"), "el": (r"διαφήμιση",),
    "ro": (r"publicitate", r"reclamă", r"articolul continuă după (?:reclamă|publicitate)"),
}

NEWSLETTER_TITLES: Lexicon = {
    # MailPoet, Mailchimp for WP and theme sign-up boxes: "Subscribe to our newsletter".
    # Free text may follow only a newsletter word: a bare "Subscribe" is a title, a line
    # that merely starts with that verb may be a subheading of the article.
    "es": (r"suscríbete.{0,40}",
           r"suscríbete(?: a (?:nuestro|el) boletín.{0,40}| a nuestra newsletter.{0,40})?",
           r"boletín(?: de noticias)?",
           r"(?:recibe|apúntate a) (?:nuestro boletín|nuestra newsletter|el boletín"
           r"|la newsletter).{0,40}"),
    "de": (r"newsletter(?: abonnieren| bestellen)?",
           r"nichts (?:neues |mehr )?verpassen!?(?:\W+newsletter abonnieren)?",
           r"(?:jetzt )?(?:zum|für den) newsletter anmelden.{0,40}",
           r"anmeldung zum .{0,40}newsletter", r"verpasse keine (?:news|beiträge|artikel).{0,60}",
           r"(?:melden sie sich|melde dich) (?:jetzt )?(?:für|zu) unser(?:en|em) newsletter an!?",
           r"abonniere(?:n sie)? (?:unseren|den) newsletter.{0,40}"),
    "fr": (r"inscrivez-vous (?:à|a) (?:notre|la) newsletter",
           r"abonnez-vous(?: à (?:notre|la) (?:newsletter|lettre d'information).{0,40})?",
           r"lettre d'information", r"recevez (?:notre|la) newsletter.{0,40}"),
    "it": (r"iscriviti alla newsletter", r"iscriviti(?: alla (?:nostra )?newsletter.{0,40})?",
           r"ricevi la (?:nostra )?newsletter.{0,40}"),
    "pt": (r"assine(?: a nossa| nossa)? newsletter.{0,40}",
           r"inscreva-se(?: na (?:nossa )?newsletter.{0,40})?",
           r"receba (?:a )?nossa newsletter.{0,40}"),
    "ru": (r"подпишитесь на (?:рассылку|нашу рассылку)",
           r"подпишитесь(?: на (?:нашу )?рассылку.{0,40}| на новости)?", r"рассылка",
           r"подписка на (?:рассылку|новости)", r"подписаться на (?:нашу )?рассылку"),
    "nl": (r"nieuwsbrief", r"schrijf je in(?: voor (?:onze|de) nieuwsbrief.{0,40})?",
           r"abonneer(?: je)?(?: op (?:onze|de) nieuwsbrief)?",
           r"(?:meld|schrijf) je aan voor (?:onze|de) nieuwsbrief.{0,40}"),
    "pl": (r"newsletter",
           r"zapisz się(?: do (?:naszego )?newslettera.{0,40}| na newsletter.{0,40})?",
           r"subskrybuj(?: newsletter)?"),
    "tr": (r"(?:e-?)?(?:bültene?|bültenimize) (?:abone ol|kaydol).{0,40}", r"e-?bülten",
           r"abone ol"),
    "fa": (r"خبرنامه", r"عضویت در خبرنامه", r"مشترک شوید"),
    "zh": (r"[订訂][阅閱](?:我[们們]的)?(?:新[闻聞])?(?:简报|簡報|电子报|電子報|通讯|通訊)?",
           r"电子报", r"電子報"),
    "ja": (r"ニュースレター(?:に登録|を購読)?(?:する)?", r"メルマガ(?:登録|購読)?"),
    "vi": (r"đăng ký nhận (?:bản tin|tin)(?: qua email)?", r"bản tin"),
    "id": (r"berlangganan(?: buletin| newsletter)?", r"buletin"),
    "cs": (r"přihlaste se k odběru(?: novinek)?", r"odebírat novinky", r"newsletter"),
    "ko": (r"뉴스레터(?: 구독(?:하기)?)?", r"구독하기"),
    "uk": (r"підпишіться(?: на (?:нашу )?розсилку.{0,40}| на новини)?", r"розсилка"),
    "ar": (r"النشرة (?:الإخبارية|البريدية)", r"اشترك(?: في (?:نشرتنا|النشرة).{0,40})?"),
    "sv": (r"nyhetsbrev", r"prenumerera(?: på (?:vårt )?nyhetsbrev.{0,40})?"),
    "hu": (r"hírlevél", r"iratkozz(?:on)? fel(?: hírlevelünkre.{0,40})?"),
    "el": (r"newsletter", r"εγγραφείτε(?: στο newsletter.{0,40})?"),
    "ro": (r"abonează-te(?: la newsletter.{0,40})?", r"newsletter"),
}

TAG_TITLES: Lexicon = {
    # WordPress core's "Tags" and "Categories" headings.
    "es": (r"etiquetas", r"categorías"), "de": (r"schlagwörter", r"kategorien"),
    "fr": (r"étiquettes", r"mots-clés", r"catégories"), "it": (r"tag", r"categorie"),
    "pt": (r"etiquetas", r"tags", r"categorias"), "ru": (r"метки", r"рубрики"),
    "nl": (r"trefwoorden", r"tags", r"categorieën"), "pl": (r"tagi", r"kategorie"),
    "tr": (r"etiketler", r"kategoriler"), "fa": (rf"برچسب{_ZWNJ}ها", rf"دسته{_ZWNJ}ها"),
    "zh": (r"[标標][签籤]", r"分[类類](?:目[录錄])?"), "ja": (r"タグ", r"カテゴリー?"),
    "vi": (r"thẻ", r"chuyên mục"), "id": (r"tag", r"kategori"), "cs": (r"štítky", r"kategorie"),
    "ko": (r"태그", r"카테고리"), "uk": (r"теґи", r"теги", r"мітки", r"рубрики"), "ar": (r"وسوم",
           r"الوسوم",
           r"التصنيفات"),
    "sv": (r"taggar", r"etiketter", r"kategorier"), "hu": (r"címkék", r"kategóriák"),
    "el": (r"ετικέτες", r"κατηγορίες"), "ro": (r"etichete", r"categorii"),
}

AUTHOR_TITLES: Lexicon = {
    # The heading of a theme's author box ("About the Author").
    "es": (r"(?:sobre|acerca de) (?:el autor|la autora)", r"acerca del autor"),
    "de": (r"über (?:den|die) auth?or(?:in)?",),
    "fr": (r"à propos de l[’']auteure?",), "it": (r"sull'autore",
           r"(?:sull|informazioni sull)[’']autore",),
    "pt": (r"sobre (?:o autor|a autora)",), "ru": (r"об авторе",), "nl": (r"over de auteur",),
    "pl": (r"o autor(?:ze|ce)",), "tr": (r"yazar hakkında",), "fa": (r"درباره(?:ی)? نویسنده",),
    "zh": (r"[关關]于作者",), "ja": (r"著者について", r"著者プロフィール", r"この記事を書いた人"),
    "vi": (r"về tác giả",), "id": (r"tentang penulis",), "cs": (r"o autorovi",),
    "ko": (r"작성자 정보", r"글쓴이 소개"), "uk": (r"про автора",), "ar": (r"عن الكاتب",
           r"نبذة عن الكاتب"),
    "sv": (r"om författaren",), "hu": (r"a szerzőről",), "el": (r"σχετικά με τον συγγραφέα",),
    "ro": (r"despre autor",),
}

# --------------------------------------------------------------------------------------
# Boilerplate lines: one block goes, wherever it stands.

COMMENT_NOTICES: Lexicon = {
    # WordPress core's comment form: "Your email address will not be published.",
    # "Required fields are marked *", "You must be logged in to post a comment.",
    # "Comments are closed.", "Log in to Reply", "Cancel reply".
    "es": (r"tu dirección de correo electrónico no será publicada.{0,120}",
           r"los campos (?:necesarios|obligatorios) están marcados.{0,10}",
           r"(?:disculpa, )?debes iniciar sesión para escribir un comentario\.?",
           r"los comentarios están cerrados\.?", r"inicia sesión para responder",
           r"cancelar (?:la )?respuesta", r"comentarios cerrados\.?"),
    "de": (r"diese website verwendet akismet, um spam zu reduzieren.{0,120}",
           r"(?:deine|ihre) e-mail-adresse wird nicht veröffentlicht.{0,80}",
           r"erforderliche felder sind (?:mit .{1,3} )?markiert.{0,10}",
           r"du musst angemeldet sein, um einen kommentar abzugeben\.?",
           r"kommentare sind geschlossen\.?",
           r"die kommentarfunktion ist (?:geschlossen|deaktiviert)\.?",
           r"zum antworten anmelden", r"antworten abbrechen",
           # WordPress.com's comment form, and a paper's moderation note
           r"trage deine daten unten ein oder klicke ein icon um dich einzuloggen:?",
           r"(?:um .{1,80} )?kommentieren zu können, müss(?:en sie|t du) (?:eingeloggt|angemeldet)"
           r" sein\.?",
           r"die redaktion behält sich (?:das recht )?vor,? .{0,60}(?:kommentare|lesermeinungen"
           r"|leserbriefe|zuschriften).{0,300}"),
    "fr": (r"ce site utilise akismet pour réduire les indésirables.{0,120}",
           r"votre adresse (?:e-mail|de messagerie) ne sera pas publiée.{0,80}",
           r"les champs obligatoires sont indiqués avec.{0,10}",
           r"vous devez être connecté pour (?:rédiger|publier) un commentaire\.?",
           r"les commentaires sont fermés\.?", r"connectez-vous pour répondre",
           r"annuler la réponse\.?"),
    "it": (r"questo sito utilizza akismet per ridurre lo spam.{0,120}", r"cancella risposta",
           r"il tuo indirizzo email non sarà pubblicato.{0,80}",
           r"l[’']indirizzo email non verrà pubblicato.{0,120}",
           r"i campi obbligatori sono contrassegnati.{0,10}", r"i commenti sono chiusi\.?",
           r"occorre aver fatto il login per inviare un commento\.?",
           r"fare il login per rispondere", r"annulla risposta"),
    "pt": (r"(?:o )?seu endereço de e-?mail não será publicado.{0,120}",
           r"(?:os )?campos obrigatórios (?:são )?marcados.{0,10}",
           r"os comentários estão fechados\.?", r"comentários encerrados\.?",
           r"faça login para responder",
           r"inicie a sessão para responder", r"cancelar resposta",
           r"(?:você precisa fazer o login|tem de ter a sessão iniciada) para publicar um"
           r" comentário\.?",
           # a news site's moderation note above its comments
           r"(?:atenção: )?comentários .{1,160} não serão (?:aprovados|publicados).{0,80}"),
    "ru": (r"ваш адрес email не будет опубликован.{0,80}",
           r"ваш (?:адрес )?e-?mail не будет опубликован.{0,120}",
           r"обязательные поля помечены.{0,10}", r"обсуждение закрыто\.?",
           r"комментарии закрыты\.?",
           r"для отправки комментария вам необходимо авторизоваться\.?",
           r"войдите, чтобы ответить", r"отменить ответ"),
    "nl": (r"(?:je|uw) e-mailadres wordt niet gepubliceerd.{0,80}",
           r"(?:verplichte|vereiste) velden zijn gemarkeerd met.{0,10}",
           r"reacties zijn gesloten\.?",
           r"je moet inloggen om een reactie te kunnen plaatsen\.?", r"login om te reageren",
           r"reactie annuleren"),
    "pl": (r"twój adres e-?mail nie zostanie opublikowany.{0,120}",
           r"pola, których wypełnienie jest wymagane, są oznaczone symbolem.{0,10}",
           r"możliwość komentowania jest wyłączona\.?",
           r"wymagane pola są oznaczone.{0,10}", r"komentarze są (?:zamknięte|wyłączone)\.?",
           r"musisz się zalogować, aby móc dodać komentarz\.?",
           r"zaloguj się, aby móc odpowiedzieć", r"anuluj pisanie odpowiedzi"),
    "tr": (r"e-posta (?:hesabınız|adresiniz) yayı?[mn]lanmayacak.{0,120}",
           r"gerekli alanlar .{1,3} ile işaretlenmişlerdir.{0,3}", r"yorumlar kapalı\.?",
           r"yorum yapabilmek için giriş yapmalısınız\.?", r"cevaplamak için giriş yapın",
           r"(?:cevabı|yanıtı) iptal et"),
    "fa": (r"نشانی ایمیل شما منتشر نخواهد شد.{0,120}",
           rf"بخش{_ZWNJ}های موردنیاز علامت{_ZWNJ}گذاری شده{_ZWNJ}اند.{{0,10}}",
           rf"دیدگاه{_ZWNJ}ها بسته شده{_ZWNJ}اند\.?", r"برای پاسخ دادن وارد شوید", r"لغو پاسخ"),
    "zh": (r"(?:您的)?电子邮[件箱]地址不会被公开.{0,120}", r"(?:您的)?邮箱地址不会被公开.{0,120}",
           r"你的電子郵件位址並不會被公開.{0,120}", r"必填项已用.{1,3}标注",
           r"必要欄位標記為.{0,10}", r"必填欄位標示為.{0,10}", r"评论已关闭。?",
           r"迴響已關閉。?", r"登录以回复",
           r"登入後再回覆", r"取消回复", r"取消回覆", r"要发表评论，您必须先登录。?"),
    "ja": (r"メールアドレスが公開されることはありません.{0,120}",
           r"が付いている欄は必須項目です", r"コメントは(?:停止中です|受け付けていません)。?",
           r"コメントを投稿するにはログインしてください。?", r"ログインして返信する",
           r"コメントをキャンセル"),
    "vi": (r"email của bạn sẽ không được hiển thị công khai.{0,120}",
           r"các trường bắt buộc được đánh dấu.{0,10}",
           r"bạn phải đăng nhập để gửi (?:phản hồi|bình luận)\.?", r"đăng nhập để trả lời",
           r"hủy trả lời", r"bình luận đã (?:được )?đóng\.?"),
    "id": (r"alamat (?:surel|email) anda tidak akan dipublikasikan.{0,120}",
           r"ruas yang wajib ditandai.{0,10}", r"komentar ditutup\.?",
           r"anda harus masuk(?: log)? untuk mengirim(?: sebuah)? komentar\.?",
           r"masuk log untuk membalas", r"(?:membatalkan|batalkan) balasan"),
    "cs": (r"vaše e-?mailová adresa nebude zveřejněna.{0,120}",
           r"vyžadované informace jsou označeny.{0,10}",
           r"komentáře (?:nejsou povoleny|jsou uzavřeny)\.?",
           r"pro přidání komentáře musíte být přihlášeni\.?",
           r"pro vložení odpovědi na komentář se musíte přihlásit",
           r"zrušit odpověď(?: na komentář)?"),
    "ko": (r"이메일(?: 주소)?(?:은|는) 공개되지 않습니다.{0,120}",
           r"필수 (?:입력창은 .{1,3} ?로 표시되어 있습니다|필드는 .{1,3} ?로 표시됩니다)\.?",
           r"댓글(?:은|이) 닫혔습니다\.?",
           r"(?:죄송합니다, ?)?로그인을 해야 댓글을 남길 수 있습니다\.?",
           r"댓글을 달기 위해 로그인", r"응답 취소"),
    "uk": (r"ваша (?:пошт@|e-?mail адреса|електронна адреса) не (?:публікуватиметься|буде"
           r" опублікована|оприлюднюватиметься).{0,120}",
           r"обов[’']язкові поля позначені.{0,10}", r"коментувати не дозволено\.?",
           r"коментарі закриті\.?",
           r"залоґуйтеся для коментування", r"скасувати відповідь"),
    "ar": (r"لن يتم نشر عنوان بريدك الإلكتروني.{0,120}",
           r"الحقول الإلزامية مشار إليها بـ.{0,10}", r"التعليقات مغلقة\.?",
           r"يجب (?:أن|أنت) تكون مسجل الدخول لتضيف تعليق\.?",
           r"عليك أن تسجل الدخول (?:على|لكي) تكتب رداً", r"إلغاء الرد"),
    "sv": (r"e-?postadressen publiceras inte.{0,120}",
           r"din e-?postadress kommer inte (?:att )?publiceras.{0,120}",
           r"obligatoriska fält är märkta.{0,10}", r"kommentarer inaktiverade\.?",
           r"du måste vara inloggad för att skriva en kommentar\.?",
           r"logga in för att svara", r"avbryt svar"),
    "hu": (r"az e-?mail(?:[- ]?címet| cím) nem (?:tesszük|lesz) közzé.{0,120}",
           r"a kötelező(?:en kitöltendő)? mezőket .{1,3} karakterrel jelöl(?:jük|tük)",
           r"hozzászólások lehetősége itt nem engedélyezett\.?",
           r"hozzászólás küldéséhez be kell jelentkezni\.?",
           r"be kell jelentkezni a válaszadáshoz", r"kilépés a válaszból",
           r"válasz megszakítása", r"hozzászólások lezárva\.?"),
    "el": (r"η ηλ\. διεύθυνσή σας δεν (?:κοινοποιείται|δημοσιεύεται).{0,120}",
           r"τα υποχρεωτικά πεδία σημειώνονται με.{0,10}", r"τα σχόλια είναι κλειστά\.?",
           r"για να σχολιάσετε πρέπει να συνδεθείτε\.?", r"συνδεθείτε για να απαντήσετε",
           r"ακύρωση απάντησης"),
    "ro": (r"adresa ta de email nu va fi publicată.{0,120}",
           r"câmpurile obligatorii sunt marcate.{0,10}",
           r"trebuie să fii autentificat pentru a publica (?:un )?comentari(?:u|i)\.?",
           r"autentifică-te pentru a răspunde", r"comentariile sunt închise\.?",
           r"anulează răspunsul"),
}

NOTICE_TAIL = "[^\"“”„«»]{0,300}+"
"""The rest of a site's notice after its opening words. Never a quotation: a story quotes
a spokesperson saying a banner's words ("We use cookies only to...", said...). Matched
possessively: a tail that hands characters back one at a time to the rule's closing
punctuation took 9 ms on a line of dashes."""
AFTER_A_STOP = r"(?:[.!。！]\s?[^\"“”„«»]{0,250}+)?"
"""What may follow a browser notice: nothing, or a sentence after its full stop ("Your
browser is out of date. Update your browser for..."); a story's sentence goes on
after a comma ("Your browser is out of date, warns Microsoft...")."""

COOKIE_NOTICES: Lexicon = {
    # Consent banners: "This site uses cookies...", "We use cookies...", "By continuing
    # to browse, you accept the use of cookies", "Accept cookies", as the common consent
    # plugins (Cookie Notice, CookieYes, Complianz) and the CNIL-era banners word them,
    # and the opening of the IAB consent framework's (TCF) banner in its official
    # translations: "We and our partners store and/or access information on a device".
    # A banner that opens with its purpose ("To give you the best experience, we use
    # cookies") is matched from that opening. Wordings that also begin an article's
    # sentences ("Al continuar navegando hacia el sur...") need the reader's consent and
    # cookies in the same sentence; words that also mean biscuits (ciasteczka, kakor,
    # sütik, 饼干) only where a site is the subject.
    "es": (rf"utilizamos cookies{NOTICE_TAIL}", rf"usamos cookies{NOTICE_TAIL}",
           r"nosotros y nuestros (?:socios|partners)"
           rf" (?:almacenamos|utilizamos|usamos|tratamos){NOTICE_TAIL}",
           rf"(?:este sitio(?: web)? |esta (?:web|página) )?(?:utiliza|usa) cookies{NOTICE_TAIL}",
           r"al (?:continuar|seguir) (?:navegando|utilizando|usando)[^.]{0,60}\b(?:aceptas?"
           rf"|consientes?)\b[^.]{{0,60}}\bcookies\b{NOTICE_TAIL}",
           r"aceptar(?: todas las)? cookies"),
    "de": (rf"wir (?:verwenden|nutzen|benutzen|setzen) cookies{NOTICE_TAIL}",
           rf"wir und unsere partner (?:speichern|verwenden|nutzen|verarbeiten){NOTICE_TAIL}",
           r"diese (?:webseite|website|seite|internetseite) (?:verwendet|nutzt|benutzt|setzt)"
           rf" cookies{NOTICE_TAIL}",
           r"um (?:unsere|diese|die) (?:webseite|website|seite|internetseite) [^.]{1,150}?"
           rf"(?:verwenden|nutzen|benutzen|setzen) wir cookies{NOTICE_TAIL}",
           r"durch die (?:weitere )?nutzung (?:dieser|der|unserer) (?:webseite|website|seite),?"
           r" (?:stimmen sie|erklären sie sich|akzeptieren sie)[^.]{0,60}\bcookies\b"
           rf"{NOTICE_TAIL}",
           r"(?:alle )?cookies akzeptieren",
           # the placeholder of an embedded post, until the reader consents to load it
           r"empfohlener (?:externer|redaktioneller) inhalt",
           r"an dieser stelle find(?:et ihr|est du|en sie) (?:einen )?externen inhalt.{0,300}",
           r"ich bin damit einverstanden, dass mir externe inhalte angezeigt werden.{0,300}",
           r"externer inhalt",
           # Embed Privacy's and Borlabs Cookie's placeholders, and a site's own wording
           r"klicke(?:n sie)? (?:hier|auf den(?: unteren)? button), um (?:den |die )?"
           r"inhalte? von .{1,80} (?:anzuzeigen|zu laden)\.?",
           r"um (?:deine|ihre) (?:persönlichen )?daten zu schützen, haben wir das"
           r" (?:automatische )?laden .{1,300}",
           r"wir respektieren (?:deine|ihre) privatsphäre und stellen (?:deshalb )?ohne"
           r" (?:dein|ihr) einverständnis keine verbindung zu .{1,300}",
           # its button: "Inhalt laden", "YouTube immer entsperren", "Twitter freischalten"
           r"(?:inhalte?|video|karte|twitter|x|instagram|facebook|youtube|tiktok|spotify"
           r"|vimeo|podcast)(?: immer)? (?:laden|entsperren|freischalten)",
           r"mit dem laden (?:des|der) (?:beitrags|videos|inhalts|karte|tweets) akzeptieren sie"
           r" die datenschutzerklärung von .{1,60}"),
    "fr": (rf"nous utilisons des cookies{NOTICE_TAIL}",
           rf"ce site (?:web )?utilise des cookies{NOTICE_TAIL}",
           rf"nos partenaires et nous (?:stockons|utilisons){NOTICE_TAIL}",
           rf"nous et nos partenaires (?:stockons|utilisons|traitons){NOTICE_TAIL}",
           r"en (?:poursuivant|continuant) (?:votre navigation|à naviguer|à utiliser ce site)"
           rf"[^.]{{0,60}}\b(?:acceptez|consentez)\b[^.]{{0,60}}\bcookies\b{NOTICE_TAIL}",
           r"(?:afin de|pour) vous (?:offrir|proposer|garantir|assurer) [^.]{1,150}?"
           rf"(?:nous utilisons|ce site utilise) des cookies{NOTICE_TAIL}",
           r"accepter(?: les| tous les)? cookies"),
    "it": (rf"(?:utilizziamo|usiamo) (?:i )?cookie{NOTICE_TAIL}",
           r"noi e i nostri (?:partner|fornitori) (?:archiviamo|utilizziamo|trattiamo)"
           rf"{NOTICE_TAIL}",
           rf"questo sito (?:web )?(?:utilizza|usa|fa uso di) (?:i )?cookie{NOTICE_TAIL}",
           r"(?:proseguendo|continuando) (?:la navigazione|a navigare)[^.]{0,60}\b(?:accetti"
           rf"|acconsenti)\b[^.]{{0,60}}\bcookie{NOTICE_TAIL}",
           r"accetta(?: tutti i)? cookie"),
    "pt": (rf"usamos cookies{NOTICE_TAIL}", rf"utilizamos cookies{NOTICE_TAIL}",
           r"nós e os nossos parceiros (?:armazenamos|utilizamos|usamos|tratamos)"
           rf"{NOTICE_TAIL}",
           rf"(?:este|esse) (?:site|sítio) (?:usa|utiliza) cookies{NOTICE_TAIL}",
           r"ao (?:continuar|prosseguir) (?:a )?naveg(?:ar|ando)[^.]{0,60}\b(?:concorda|aceita)"
           rf"\b[^.]{{0,60}}\bcookies\b{NOTICE_TAIL}",
           r"aceitar(?: todos os)? cookies"),
    "ru": (rf"мы используем (?:файлы )?(?:cookie|куки){NOTICE_TAIL}",
           rf"(?:этот|наш) сайт использует (?:файлы )?(?:cookie|куки){NOTICE_TAIL}",
           r"продолжая (?:использовать|пользоваться|просмотр) (?:наш )?(?:сайт|сайтом|сайта)"
           rf",? вы (?:соглашаетесь|даёте согласие|даете согласие)[^.]{{0,60}}(?:cookie|куки)"
           rf"{NOTICE_TAIL}",
           r"принять(?: все)? cookie"),
    "nl": (rf"(?:wij|we) gebruiken cookies{NOTICE_TAIL}",
           rf"wij en onze partners (?:slaan|gebruiken|verwerken){NOTICE_TAIL}",
           rf"deze (?:website|site) (?:maakt gebruik van|gebruikt) cookies{NOTICE_TAIL}",
           r"door (?:verder te gaan op|gebruik te maken van|het gebruik van) (?:deze|onze)"
           r" (?:website|site)[^.]{0,60}\b(?:ga je|gaat u|stem je|stemt u)\b[^.]{0,60}\bcookies\b"
           rf"{NOTICE_TAIL}",
           r"cookies accepteren"),
    "pl": (r"(?:ta strona|strona|serwis) (?:korzysta z|używa|wykorzystuje) (?:plików"
           rf" )?(?:cookies?|ciasteczek){NOTICE_TAIL}",
           rf"używamy (?:plików )?cookies?{NOTICE_TAIL}",
           r"korzystając ze? (?:tej |naszej )?(?:strony|witryny|serwisu),? (?:wyrażasz zgodę"
           rf"|akceptujesz)[^.]{{0,60}}\b(?:cookies?|ciasteczek)\b{NOTICE_TAIL}",
           r"akceptuj(?:ę)?(?: wszystkie)?(?: pliki)? cookies?"),
    "tr": (r"(?:bu )?(?:web ?)?site(?:si|miz(?:de)?)? çerez(?:ler)?(?:i)? kullan(?:ır"
           rf"|ıyor|maktadır|ılmaktadır)\b{NOTICE_TAIL}",
           r"size (?:daha iyi|en iyi) [^.]{1,100}?çerez(?:ler)?(?:i)? kullan(?:ıyoruz"
           rf"|maktayız)\b{NOTICE_TAIL}",
           r"deneyiminizi (?:geliştirmek|iyileştirmek) için çerez(?:ler)?(?:i)? kullan(?:ıyoruz"
           rf"|maktayız)\b{NOTICE_TAIL}",
           r"çerezleri kabul et"),
    "fa": (rf"این (?:وب\s?سایت|سایت) از کوکی{NOTICE_TAIL}",
           rf"ما از کوکی(?:{_ZWNJ}ها)? برای [^.]{{0,60}}(?:تجربه|سایت){NOTICE_TAIL}",
           r"پذیرش کوکی.{0,20}"),
    "zh": (rf"本(?:网站|網站|站)使用(?:cookie|cookies|饼干){NOTICE_TAIL}",
           rf"我[们們](?:会|會)?使用\s?cookies?{NOTICE_TAIL}",
           r"接受(?:所有)?\s?cookies?"),
    "ja": (r"(?:当サイト|このサイト|本サイト|当ウェブサイト|このウェブサイト)(?:で)?は(?:、)?"
           rf"(?:クッキー|cookie){NOTICE_TAIL}",
           r"クッキーを受け入れる"),
    "vi": (rf"(?:trang web|website) này sử dụng cookie{NOTICE_TAIL}",
           rf"chúng tôi sử dụng cookie{NOTICE_TAIL}", r"chấp nhận cookie"),
    "id": (rf"situs (?:web )?ini menggunakan cookie{NOTICE_TAIL}",
           rf"kami menggunakan cookie{NOTICE_TAIL}", r"terima cookie"),
    "cs": (r"(?:tento web|tato stránka|tyto stránky) (?:používá|používají) (?:soubory"
           rf" )?cookies?{NOTICE_TAIL}",
           rf"používáme (?:soubory )?cookies?{NOTICE_TAIL}",
           r"přijmout(?: všechny)? cookies?"),
    "ko": (rf"(?:이 (?:웹)?사이트|당사|저희)(?:는|에서는) 쿠키를 사용합니다{NOTICE_TAIL}",
           r"쿠키 (?:허용|수락)"),
    "uk": (rf"(?:цей|наш) сайт використовує (?:файли )?(?:cookie|куки){NOTICE_TAIL}",
           rf"ми використовуємо (?:файли )?(?:cookie|куки){NOTICE_TAIL}",
           r"прийняти(?: всі)? cookie"),
    "ar": (r"(?:يستخدم )?هذا الموقع (?:يستخدم )?(?:ملفات )?(?:الكوكيز|تعريف الارتباط)"
           rf"{NOTICE_TAIL}",
           rf"(?:نحن )?نستخدم (?:ملفات )?(?:الكوكيز|تعريف الارتباط){NOTICE_TAIL}",
           r"قبول (?:ملفات )?(?:الكوكيز|تعريف الارتباط)"),
    "sv": (r"(?:den här|denna) (?:webbplats|sajt|webbplatsen) använder (?:sig av )?"
           rf"(?:cookies|kakor){NOTICE_TAIL}",
           rf"vi använder (?:oss av )?cookies{NOTICE_TAIL}",
           r"acceptera(?: alla)? (?:cookies|kakor)"),
    "hu": (rf"(?:ez a |a )?(?:weboldal|honlap|oldal)(?:unk)? sütiket használ{NOTICE_TAIL}",
           rf"sütiket használunk[^.]{{0,60}}(?:élmény|weboldal|honlap|oldal){NOTICE_TAIL}",
           r"sütik elfogadása"),
    "el": (rf"(?:αυτός ο|ο) ιστότοπος χρησιμοποιεί cookies?{NOTICE_TAIL}",
           rf"χρησιμοποιούμε cookies?{NOTICE_TAIL}",
           r"αποδοχή(?: όλων)?(?: των)? cookies"),
    "ro": (rf"(?:acest|site-ul) (?:site )?(?:folosește|utilizează) (?:module )?cookie{NOTICE_TAIL}",
           rf"(?:folosim|utilizăm) (?:module )?cookie{NOTICE_TAIL}",
           r"accept(?:ă)?(?: toate)? cookie-urile"),
}

BROWSER_NOTICES: Lexicon = {
    # A notice to readers of old browsers or with scripts off: "Your browser is out of
    # date" (browser-update.org's notice, in its translations, and themes' own),
    # "Please enable JavaScript". Printed whole, on every page of a site.
    "es": (r"(?:tu|su) navegador web(?: \(.{1,40}\))? (?:no está actualizado"
           rf"|está desactualizado){AFTER_A_STOP}",
           r"tu navegador(?: \(.{1,40}\))? (?:no está actualizado|está desactualizado"
           rf"|no es compatible){AFTER_A_STOP}",
           r"(?:por favor,? )?(?:habilita|activa|habilite|active) (?:el )?javascript"
           rf"{AFTER_A_STOP}"),
    "de": (r"(?:ihr|dein) (?:web)?browser(?: \(.{1,40}\))? ist (?:leider )?(?:veraltet"
           rf"|nicht mehr aktuell|zu alt){AFTER_A_STOP}",
           r"(?:bitte )?(?:aktualisiere|aktualisieren sie) (?:deinen|ihren) browser"
           rf"{AFTER_A_STOP}",
           rf"(?:bitte )?aktivier(?:en sie|e) (?:bitte )?javascript{AFTER_A_STOP}",
           rf"javascript ist (?:deaktiviert|nicht aktiviert){AFTER_A_STOP}"),
    "fr": (r"votre navigateur(?: web| internet)?(?: \(.{1,40}\))? (?:n['’]est (?:pas|plus) à jour"
           r"|est (?:obsolète|dépassé|trop ancien)|n['’]est (?:plus )?pris en charge)"
           rf"{AFTER_A_STOP}",
           rf"(?:veuillez )?activer (?:le )?javascript{AFTER_A_STOP}",
           rf"javascript est désactivé{AFTER_A_STOP}"),
    "it": (r"il tuo browser(?: \(.{1,40}\))? (?:non è aggiornato|è obsoleto|è datato"
           rf"|non è supportato){AFTER_A_STOP}",
           rf"(?:per favore,? )?(?:abilita|attiva) (?:il )?javascript{AFTER_A_STOP}"),
    "pt": (r"(?:o )?(?:seu|teu) navegador(?: \(.{1,40}\))? (?:está desatualizado"
           rf"|não está atualizado|não é suportado){AFTER_A_STOP}",
           rf"(?:por favor,? )?(?:ative|habilite|ativa) (?:o )?javascript{AFTER_A_STOP}"),
    "ru": (rf"ваш браузер(?: \(.{{1,40}}\))? (?:устарел|не поддерживается){AFTER_A_STOP}",
           rf"(?:пожалуйста,? )?включите javascript{AFTER_A_STOP}"),
    "nl": (r"(?:uw|je) (?:web)?browser(?: \(.{1,40}\))? is (?:verouderd|niet up-to-date)"
           rf"{AFTER_A_STOP}",
           rf"(?:schakel|zet) javascript (?:in|aan){AFTER_A_STOP}"),
    "pl": (r"twoja przeglądarka(?: \(.{1,40}\))? jest (?:przestarzała|nieaktualna)"
           rf"{AFTER_A_STOP}",
           rf"włącz javascript{AFTER_A_STOP}"),
    "tr": (rf"(?:web )?tarayıcınız(?: \(.{{1,40}}\))? (?:güncel değil|eski){AFTER_A_STOP}",
           rf"javascript['’]?i etkinleştirin{AFTER_A_STOP}"),
    "fa": (rf"مرورگر شما (?:قدیمی|منسوخ) (?:است|شده){AFTER_A_STOP}",
           rf"لطفا جاوا\s?اسکریپت را فعال کنید{AFTER_A_STOP}"),
    "zh": (r"(?:您|你)的[浏瀏][览覽]器(?:版本)?(?:[过過]旧|[过過]低|太[旧舊]|已[过過][时時]"
           rf"|[过過][时時]|不受支持){AFTER_A_STOP}",
           rf"[请請](?:启用|啟用|开启|開啟)\s?javascript{AFTER_A_STOP}"),
    "ja": (r"(?:お使いの|ご利用の)ブラウザ(?:ー)?(?:は)?(?:、)?(?:古い(?:です)?|サポートされて"
           rf"いません|最新ではありません){AFTER_A_STOP}",
           rf"javascript\s?(?:を|が)(?:有効|オン)に(?:して(?:ください|下さい))?{AFTER_A_STOP}"),
    "vi": (rf"trình duyệt của bạn (?:đã )?(?:lỗi thời|cũ|không được hỗ trợ)\b{AFTER_A_STOP}",
           rf"(?:vui lòng )?bật javascript{AFTER_A_STOP}"),
    "id": (r"(?:browser|peramban) anda (?:sudah )?(?:usang|kedaluwarsa|tidak didukung)"
           rf"{AFTER_A_STOP}",
           rf"(?:silakan )?aktifkan javascript{AFTER_A_STOP}"),
    "cs": (rf"váš (?:webový )?prohlížeč(?: \(.{{1,40}}\))? je zastaralý{AFTER_A_STOP}",
           rf"povolte (?:si )?javascript{AFTER_A_STOP}"),
    "ko": (rf"사용 ?중인 브라우저(?:는|가)? [^.]{{0,40}}(?:오래된|지원되지 않는){NOTICE_TAIL}",
           r"자바스크립트를 (?:활성화|사용)(?:하세요|해 주세요|해주세요)"
           rf"{AFTER_A_STOP}"),
    "uk": (r"ваш браузер(?: \(.{1,40}\))? (?:застарів|застарілий|не підтримується)"
           rf"{AFTER_A_STOP}",
           rf"(?:будь ласка,? )?увімкніть javascript{AFTER_A_STOP}"),
    "ar": (rf"(?:متصفحك|المتصفح الخاص بك) (?:قديم|غير مدعوم){AFTER_A_STOP}",
           rf"(?:يرجى|الرجاء) تفعيل (?:الجافا\s?سكريبت|javascript){AFTER_A_STOP}"),
    "sv": (r"din webbläsare(?: \(.{1,40}\))? är (?:föråldrad|inaktuell|för gammal)"
           rf"{AFTER_A_STOP}",
           rf"aktivera javascript{AFTER_A_STOP}"),
    "hu": (rf"(?:az ön )?böngészője(?: \(.{{1,40}}\))? elavult{AFTER_A_STOP}",
           rf"(?:kérjük,? )?engedélyezze a javascriptet{AFTER_A_STOP}"),
    "el": (r"ο (?:φυλλομετρητής|περιηγητής|browser) σας(?: \(.{1,40}\))? (?:είναι )?"
           rf"(?:παλιός|ξεπερασμένος|παρωχημένος){AFTER_A_STOP}",
           rf"(?:παρακαλώ )?ενεργοποιήστε (?:τη |το )?javascript{AFTER_A_STOP}"),
    "ro": (r"browserul (?:tău|dvs\.?|dumneavoastră)(?: \(.{1,40}\))? (?:este )?(?:învechit"
           rf"|nu este actualizat){AFTER_A_STOP}",
           rf"(?:vă rugăm să )?activ(?:ați|ează) javascript{AFTER_A_STOP}"),
}

PAYWALL_PROMPTS: Lexicon = {
    # "Subscribe to continue reading", "Already a subscriber? Log in".
    "es": (r"suscríbete para (?:seguir|continuar) leyendo.{0,80}", r"ya eres suscriptor\?.{0,80}",
           r"este contenido es exclusivo para suscriptores.{0,80}"),
    "de": (r"(?:jetzt )?(?:abonnieren|anmelden),? um weiterzulesen.{0,80}",
           # "Abonnent/in", "Abonnent*in", "Abonnent:in": the gender-inclusive forms; and
           # the call after it, no sentence ("Schon Abonnent? Nein, sagt Müller...")
           r"(?:sie sind )?(?:bereits|schon) abonnent(?:in|/in|\*in|:in)?\?"
           r"(?: (?:hier |jetzt |zum )?(?:anmelden|einloggen|login|log-in)(?: hier)?[.!]?)?",
           r"dieser (?:artikel|inhalt) ist (?:nur )?für abonnenten.{0,80}",
           r"sie haben bereits ein abo(?:nnement)?\?.{0,80}"),
    "fr": (r"abonnez-vous pour (?:lire|continuer).{0,80}", r"déjà abonné\s?\?.{0,80}",
           r"cet article est réservé aux abonnés.{0,80}",
           r"il vous reste \d+ ?% de cet article à lire.{0,80}"),
    "it": (r"abbonati per continuare a leggere.{0,80}", r"sei già abbonato\?.{0,80}",
           r"(?:questo )?(?:articolo|contenuto) (?:è )?riservato agli abbonati.{0,80}"),
    "pt": (r"assine para continuar lendo.{0,80}", r"já é assinante\?.{0,80}",
           r"(?:este )?conteúdo (?:é )?exclusivo (?:para|de) assinantes.{0,80}"),
    "ru": (r"подпишитесь, чтобы (?:читать|продолжить).{0,80}", r"уже подписаны\?.{0,80}",
           r"(?:этот )?материал доступен (?:только )?подписчикам.{0,80}"),
    "nl": (r"(?:word abonnee|log in) om verder te lezen.{0,80}", r"al abonnee\?.{0,80}",
           r"dit artikel is (?:alleen|exclusief) voor abonnees.{0,80}"),
    "pl": (r"(?:wykup|kup) (?:subskrypcję|dostęp),? aby czytać dalej.{0,80}",
           r"masz już (?:subskrypcję|konto)\?.{0,80}",
           r"(?:ten )?(?:artykuł|tekst) (?:jest )?dostępny (?:tylko|wyłącznie) dla"
           r" (?:subskrybentów|prenumeratorów).{0,80}"),
    "tr": (r"okumaya devam etmek için (?:abone olun|giriş yapın).{0,80}",
           r"zaten abone misiniz\?.{0,80}",
           r"bu (?:içerik|haber|makale) (?:sadece|yalnızca) abonelere özeldir.{0,80}"),
    "fa": (r"برای ادامه(?:ٔ)? مطالعه (?:وارد شوید|مشترک شوید).{0,80}",),
    "zh": (r"(?:订阅|訂閱|登录|登入)(?:后|後)?(?:继续|繼續)?[阅閱][读讀](?:全文)?.{0,80}",
           r"本文仅(?:限|对)(?:订阅|付费)(?:用户|者)(?:阅读|开放).{0,80}",
           r"已是(?:订阅|付费)用户[？?].{0,80}"),
    "ja": (r"(?:この記事は)?有料会員(?:限定|のみ).{0,80}", r"続きを読むには.{0,80}",
           r"会員の方は(?:こちらから)?ログイン.{0,80}"),
    "vi": (r"đăng nhập để đọc tiếp.{0,80}", r"đăng ký để đọc tiếp.{0,80}"),
    "id": (r"berlangganan untuk (?:membaca|melanjutkan).{0,80}", r"sudah berlangganan\?.{0,80}"),
    "cs": (r"(?:předplaťte si|přihlaste se),? (?:a|abyste) (?:čtěte|mohli číst) dál.{0,80}",
           r"už máte předplatné\?.{0,80}"),
    "ko": (r"(?:구독|로그인)(?:하고|하시면|후) (?:계속 )?(?:읽|보)(?:기|세요|실 수"
           r" 있습니다).{0,80}",),
    "uk": (r"передплатіть, щоб (?:читати|продовжити).{0,80}", r"вже маєте передплату\?.{0,80}"),
    "ar": (r"اشترك (?:لمتابعة|لمواصلة) القراءة.{0,80}", r"هل أنت مشترك بالفعل؟?.{0,80}"),
    "sv": (r"(?:logga in|bli prenumerant) för att (?:läsa vidare|fortsätta läsa).{0,80}",
           r"redan prenumerant\?.{0,80}"),
    "hu": (r"(?:fizessen elő|jelentkezzen be) a (?:cikk"
           r" )?(?:folytatásához|továbbolvasáshoz).{0,80}",
           r"már előfizető\?.{0,80}"),
    "el": (r"εγγραφείτε για να συνεχίσετε να διαβάζετε.{0,80}", r"είστε ήδη συνδρομητής;?.{0,80}"),
    "ro": (r"abonează-te pentru a citi (?:mai departe|în continuare).{0,80}",
           r"ești deja abonat\?.{0,80}"),
}

TAG_LABELS: Lexicon = {
    # The label before a post's tags or categories ("Tags: a, b", "Posted in ...").
    "es": (r"etiquetas", r"categorías?", r"publicado en"), "de": (r"schlagwörter", r"kategorien?",
           r"veröffentlicht in"),
    "fr": (r"mots-clés", r"étiquettes", r"catégories?", r"publié dans"), "it": (r"tag",
           r"categori[ae]", r"pubblicato in"),
    "pt": (r"etiquetas", r"tags", r"categorias?", r"publicado em"), "ru": (r"метки", r"теги",
           r"рубрик[аи]"),
    "nl": (r"tags", r"trefwoorden", r"categorie(?:ën)?", r"geplaatst in"), "pl": (r"tagi",
           r"kategori[ae]"),
    "tr": (r"etiketler", r"kategori(?:ler)?"), "fa": (rf"برچسب{_ZWNJ}ها",
           rf"دسته{_ZWNJ}(?:ها|بندی)"),
    "zh": (r"[标標][签籤]", r"分[类類](?:目[录錄])?"), "ja": (r"タグ", r"カテゴリー?"),
    "vi": (r"thẻ", r"chuyên mục"), "id": (r"tag", r"kategori"), "cs": (r"štítky", r"kategorie"),
    "ko": (r"태그", r"카테고리"), "uk": (r"теґи", r"теги", r"мітки", r"рубрики"), "ar": (r"الوسوم",
           r"التصنيفات?"),
    "sv": (r"taggar", r"etiketter", r"kategorier"), "hu": (r"címkék", r"kategóriák"),
    "el": (r"ετικέτες", r"κατηγορίες"), "ro": (r"etichete", r"categorii"),
}

# --------------------------------------------------------------------------------------
# Source footers: the line of a republished story that names its original publisher.

SOURCE_LABELS: Lexicon = {
    # The word before a colon and the publisher's name ("Fuente: El País"): literal
    # words, since a footer split across links is found by them (``SOURCE_HINT``).
    "es": ("fuente", "vía"), "de": ("quelle",), "fr": ("source",), "it": ("fonte",),
    "pt": ("fonte",), "ru": ("источник",), "nl": ("bron",), "pl": ("źródło",),
    "tr": ("kaynak",), "fa": ("منبع",), "zh": ("来源", "來源", "出处", "出處"),
    "ja": ("出典", "出所", "引用元", "ソース"), "vi": ("nguồn",), "id": ("sumber",),
    "cs": ("zdroj",), "ko": ("출처",), "uk": ("джерело",), "ar": ("المصدر",),
    "sv": ("källa",), "hu": ("forrás",), "el": ("πηγή",), "ro": ("sursa", "sursă"),
}

ORIGINALLY_PUBLISHED: Lexicon = {
    # "This article was originally published on ...", in each language's usual words;
    # each starts with a literal word, which is also a ``SOURCE_HINT`` word.
    "es": (r"publicado originalmente (?:en|por) .{1,120}", r"originalmente publicado en .{1,120}",
           rf"este artículo fue publicado originalmente (?:en|por) {_SITE}",
           rf"la entrada .{{1,300}} se publicó primero en {_SITE}"),
    "de": (r"ursprünglich (?:veröffentlicht|erschienen) (?:auf|bei|in) .{1,120}",
           r"zuerst erschienen (?:auf|bei|in) .{1,120}",
           rf"dieser (?:artikel|beitrag) erschien (?:zuerst|ursprünglich) (?:auf|bei|in) {_SITE}",
           rf"dieser (?:artikel|beitrag) ist (?:zuerst|ursprünglich) (?:auf|bei|in) {_SITE}"
           r" (?:erschienen|veröffentlicht worden)\.?",
           rf"der beitrag .{{1,300}} erschien zuerst auf {_SITE}"),
    "fr": (r"publié (?:à l'origine|initialement|originellement) (?:sur|par|dans) .{1,120}",
           r"cet article (?:a été publié|est paru)"
           rf" (?:à l'origine|initialement|originellement|d'abord) (?:sur|par|dans) {_SITE}",
           rf"l[’']article .{{1,300}} est apparu en premier sur {_SITE}",
           r"initialement publié (?:sur|par|dans) .{1,120}"),
    "it": (r"pubblicato (?:originariamente|originalmente|inizialmente) (?:su|da) .{1,120}",
           r"questo articolo è stato pubblicato (?:originariamente|originalmente|inizialmente)"
           rf" (?:su|da) {_SITE}"),
    "pt": (r"publicado originalmente (?:em|por|no|na) .{1,120}",
           rf"este artigo foi publicado originalmente (?:em|por|no|na) {_SITE}",
           rf"o post .{{1,300}} apareceu primeiro em {_SITE}",
           r"originalmente publicado (?:em|no|na) .{1,120}"),
    "ru": (r"(?:первоначально|впервые) опубликовано (?:на|в) .{1,120}",
           rf"(?:статья|материал) (?:впервые|первоначально) опубликован[аo]? на {_SITE}",
           rf"(?:сообщение|запись) .{{1,300}} (?:появились сначала|впервые появилась) на {_SITE}",
           r"оригинал (?:статьи|материала|публикации)\s*[:：].{1,120}"),
    "nl": (r"oorspronkelijk gepubliceerd (?:op|door|in) .{1,120}",
           rf"dit artikel verscheen (?:eerder|eerst|oorspronkelijk) (?:op|in|bij) {_SITE}",
           r"dit artikel is (?:eerder|eerst|oorspronkelijk) (?:verschenen|gepubliceerd)"
           rf" (?:op|in|bij) {_SITE}",
           rf"het bericht .{{1,300}} verscheen eerst op {_SITE}"),
    "pl": (r"(?:oryginalnie|pierwotnie) opublikowan[ey] (?:na|w|przez) .{1,120}",
           r"(?:artykuł|tekst) (?:pierwotnie|oryginalnie) (?:ukazał się|został opublikowany)"
           rf" (?:na|w) {_SITE}",
           rf"artykuł .{{1,300}} pochodzi z serwisu {_SITE}"),
    "tr": (r"(?:ilk olarak|orijinal olarak) .{1,80} (?:yayınlanmıştır|yayımlanmıştır)\.?",
           r"bu (?:makale|yazı|haber) (?:ilk olarak|ilk önce|orijinal olarak) .{1,80}"
           r" (?:yayınlandı|yayımlandı|yayınlanmıştır|yayımlanmıştır)\.?"),
    "fa": (r"(?:این مطلب )?(?:نخستین بار|ابتدا) در .{1,80} منتشر شد(?:ه است)?\.?",),
    "zh": (r"本文(?:原载|原載|转载自|轉載自|首发于|首發於).{1,120}",
           r"本文最初(?:发表|發表)(?:于|於).{1,40}",
           r"原文(?:链接|連結|地址)[:：].{0,200}"),
    "ja": (r"この記事は.{1,80}(?:から転載|に掲載).{0,40}", r"元記事[:：].{0,200}"),
    "vi": (r"bài viết (?:được )?đăng lần đầu (?:trên|tại) .{1,120}",),
    "id": (r"artikel ini (?:pertama kali|awalnya) (?:terbit|dipublikasikan|tayang) di .{1,120}",
           rf"(?:pos|artikel) .{{1,300}} muncul pertama kali di {_SITE}"),
    "cs": (r"(?:původně|poprvé) (?:publikováno|vyšlo) (?:na|v) .{1,120}",),
    "ko": (r"원문[:：].{0,200}",
           r"이 (?:글|기사)은 .{1,80}에 (?:처음 )?(?:게재|실렸|발행).{0,40}"),
    "uk": (r"(?:вперше|спочатку) опубліковано (?:на|в|у) .{1,120}",),
    "ar": (r"(?:نشر|نُشر) (?:هذا المقال )?(?:أصلا|أصلاً|لأول مرة) (?:في|على) .{1,120}",),
    "sv": (r"(?:ursprungligen|först) publicerad (?:på|i|av) .{1,120}",
           rf"inlägget .{{1,300}} dök först upp på {_SITE}"),
    "hu": (r"(?:eredetileg|először) (?:a|az) .{1,80} (?:oldalon )?jelent meg\.?",),
    "el": (r"(?:δημοσιεύθηκε|δημοσιεύτηκε) (?:αρχικά|πρώτα) (?:στο|στην|στη) .{1,120}",),
    "ro": (r"(?:publicat|apărut) (?:inițial|original|pentru prima dată) (?:pe|în|la) .{1,120}",),
}


# --------------------------------------------------------------------------------------
# A table of contents' heading: Easy Table of Contents', LuckyWP's and Rank Math's box of
# links to the article's own sections, which repeats its headings. The links go as a
# block of links; the heading would stay, a widget's title in the middle of the story.
# Only the words that name nothing else: "Contents", "Inhalt", "Содержание" alone also
# head a book's chapters or a review's synopsis (a dragnet page lists a book's contents),
# and Turkish "İçindekiler" a recipe's ingredients.

TOC_TITLES: Lexicon = {
    "es": (r"tabla de contenidos?", r"índice de contenidos?"),
    "de": (r"inhaltsverzeichnis",),
    "fr": (r"table des matières", r"sommaire"),
    "it": (r"indice dei contenuti", r"tabella dei contenuti"),
    "pt": (r"índice de conteúdos?", r"tabela de conteúdos?"),
    "ru": (r"содержание статьи", r"оглавление"),
    "nl": (r"inhoudsopgave",),
    "pl": (r"spis treści",),
    "tr": (r"içerik tablosu",),  # not "içindekiler": a recipe's ingredients too
    "fa": (r"فهرست مطالب",),
    "zh": (r"(?:文章)?目[录錄]",),
    "ja": (r"(?:この記事の)?目次",),
    "vi": (r"mục lục(?: bài viết)?",),
    "id": (r"daftar isi",),
    "cs": (r"obsah článku",),
    "ko": (r"목차",),
    "uk": (r"зміст статті",),
    "ar": (r"جدول المحتويات", r"محتويات المقال"),
    "sv": (r"innehållsförteckning",),
    "hu": (r"tartalomjegyzék",),
    "el": (r"πίνακας περιεχομένων",),
    "ro": (r"cuprins",),
}


# --------------------------------------------------------------------------------------
# The links from a post to its neighbours, under it: WordPress themes' "Previous post" and
# "Next post" (the label alone, or with the neighbour's title after a colon), an archive's
# "Older posts", and Blogger's "Newer Post" and "Older Post", as each locale prints them.
# Only where the line holds a link: the words alone are a story's own.

POST_NAVIGATION: Lexicon = {
    "es": (r"entradas? (?:anterior(?:es)?|siguientes?|más (?:recientes?|antiguas?))",
           r"(?:siguiente|próxima) entrada",
           r"(?:artículo|noticia|publicación) (?:anterior|siguiente)"),
    "de": (r"(?:vorherige[rn]?|nächste[rn]?|ältere[rn]?|neuere[rn]?)"
           r" (?:beitr[aä]ge?|artikel|eintr[aä]ge?|posts?|meldung)",),
    "fr": (r"articles? (?:précédents?|suivants?|plus (?:récents?|anciens?))",
           r"(?:publication|billet) (?:précédente?|suivante?)"),
    "it": (r"articol[oi] (?:precedent[ei]|successiv[oi]|(?:più|meno) recenti)",
           r"post (?:precedente|successivo|più (?:recente|vecchio))",
           r"notizia (?:precedente|successiva)"),
    "pt": (r"(?:post|artigo|postagem|publicação|notícia) (?:anterior|seguinte)",
           r"próxim[oa] (?:post|artigo|postagem|publicação|notícia)",
           r"postage(?:m|ns) mais (?:recentes?|antigas?)"),
    "ru": (r"(?:предыдущая|следующая) (?:запись|статья|новость)",
           r"(?:предыдущий|следующий) пост",
           r"(?:предыдущие|следующие|более старые|более новые) записи"),
    "nl": (r"(?:vorig|volgend) (?:bericht|artikel)", r"(?:vorige|volgende) post",
           r"(?:oudere|nieuwere) (?:berichten|posts?)"),
    "pl": (r"(?:poprzedni|następny) (?:wpis|artykuł|post)", r"(?:starszy|nowszy) wpis",
           r"(?:starsze|nowsze) wpisy"),
    "tr": (r"(?:önceki|sonraki) (?:yazı|gönderi|makale|haber|içerik)", r"(?:eski|yeni) yazılar"),
    "fa": (rf"(?:نوشته|مطلب|پست|خبر)(?:{_ZWNJ}ی)? (?:قبلی|بعدی)",),
    # not 上篇 and 下篇 alone: a story told in two parts heads them so
    "zh": (r"[上下]一[篇则則条條](?:文章)?", r"[前后後]一篇"),
    "ja": (r"(?:前|次)の(?:投稿|記事)へ?", r"(?:古い|新しい)(?:投稿|記事)"),
    "vi": (r"bài (?:viết )?(?:trước|tiếp theo|sau)",),
    "id": (r"(?:pos|artikel|tulisan) (?:sebelumnya|berikutnya|selanjutnya)",),
    "cs": (r"(?:předchozí|následující|další) (?:příspěvek|článek)",),
    "ko": (r"(?:이전|다음) ?(?:글|포스트|게시물|기사)",),
    "uk": (r"(?:попередній|наступний) (?:запис|допис)",
           r"(?:попередня|наступна) (?:стаття|новина)"),
    "ar": (r"(?:المقالة|التدوينة|المقال|المنشور) (?:السابقة?|التالية?)",
           r"الخبر (?:السابق|التالي)"),
    "sv": (r"(?:föregående|nästa|äldre|nyare) inlägg",),
    "hu": (r"(?:előző|következő) (?:bejegyzés|cikk)",),
    "el": (r"(?:προηγούμενο|επόμενο) άρθρο",),
    "ro": (r"articolul (?:anterior|următor)",),
}

def languages() -> tuple[str, ...]:
    """Every language some table covers."""
    tables = (RELATED_TITLES, COMMENT_TITLES, SHARE_TITLES, PRINT_AND_EMAIL, LOADING,
              READING_TIME, AD_LABELS,
              NEWSLETTER_TITLES, TAG_TITLES, AUTHOR_TITLES, COMMENT_NOTICES, COOKIE_NOTICES,
              BROWSER_NOTICES, PAYWALL_PROMPTS, TAG_LABELS, SOURCE_LABELS, ORIGINALLY_PUBLISHED,
              TOC_TITLES, POST_NAVIGATION)
    return tuple(sorted({language for table in tables for language in table}))


def phrases(table: Lexicon) -> tuple[str, ...]:
    """Every phrase of one table, language after language."""
    return tuple(phrase for language in sorted(table) for phrase in table[language])


_LEADING_ALTERNATIVES = re.compile(r"\(\?:((?:[^\W\d_]+\|)*[^\W\d_]+)\)")
_LEADING_WORD = re.compile(r"[^\W\d_]+")
_HINT_MIN_CHARS = 4
"""Shorter first words ("이", "bài") are everyday words: they would send every short
text of a page in that language to the source rules for nothing."""


def first_words(table: Lexicon) -> tuple[str, ...]:
    """The literal words the phrases of a table start with ("(?:ilk|orijinal) olarak"
    gives "ilk" and "orijinal"): a line split across links is found by them."""
    words: list[str] = []
    for phrase in phrases(table):
        if group := _LEADING_ALTERNATIVES.match(phrase):
            words += group[1].split("|")
        elif word := _LEADING_WORD.match(phrase):
            words.append(word[0])
    return tuple(w for w in words if len(w) >= _HINT_MIN_CHARS)
