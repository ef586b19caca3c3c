/**
 * German sentiment lexicon for customer feedback, written for Cairn (no third-party data). Scale −4…4 as in
 * VADER (Hutto & Gilbert 2014). Entries are lemmas or stems: lookup strips inflection endings (gut → gute, guten)
 * and splits compounds over these heads (Lieferverzögerung → Verzögerung), see lexicon-lookup.ts.
 */
import { parseLexicon } from './lexicon-format.js';

export const germanLexicon = parseLexicon(`
gut:1.9 sehr_gut:2.8 super:2.6 toll:2.6 klasse:2.4 prima:2.3 spitze:2.8 top:2.4 perfekt:3 perfekter:3 genial:3
hervorragend:3.1 ausgezeichnet:3.1 exzellent:3.1 großartig:3 grossartig:3 wunderbar:3 fantastisch:3.1 phantastisch:3.1
klasse:2.4 cool:1.8 schön:1.9 schoen:1.9 nett:1.7 freundlich:2 freundlichkeit:2 hilfsbereit:2.2 hilfsbereitschaft:2.2
kompetent:2 kompetenz:1.6 professionell:1.9 zuvorkommend:2.2 höflich:1.8 geduldig:1.6 aufmerksam:1.5 herzlich:2.1
schnell:1.6 flott:1.6 zügig:1.6 zuegig:1.6 pünktlich:1.8 puenktlich:1.8 rechtzeitig:1.4 fix:1.2 sofort:1.1 prompt:1.6
einfach:0.6 unkompliziert:1.9 übersichtlich:1.6 uebersichtlich:1.6 intuitiv:1.8 praktisch:1.5 bequem:1.5 reibungslos:2.2
problemlos:2 zuverlässig:2 zuverlaessig:2 stabil:1.3 sicher:1.2 günstig:1.5 guenstig:1.5 preiswert:1.8 fair:1.5
angemessen:1 wert:0.8 lohnt:1.5 empfehlenswert:2.5 empfehlen:2.2 empfehle:2.2 weiterempfehlen:2.5 zufrieden:2
zufriedenheit:1.8 begeistert:2.9 begeisterung:2.6 glücklich:2.4 gluecklich:2.4 froh:2 freue:2 freude:2.2 danke:1.5
dankeschön:1.8 vielen_dank:2 bedanken:1.6 dankbar:2 lob:2 loben:2 gelobt:2 liebe:2.2 lieben:2.4 liebt:2.4 mag:1.4
gefällt:2 gefaellt:2 gefallen:1.5 überzeugt:2.1 ueberzeugt:2.1 überzeugend:2 beeindruckt:2.3 beeindruckend:2.4
angenehm:1.8 sauber:1.4 ordentlich:1.3 hochwertig:2.1 qualitativ:0.8 robust:1.4 langlebig:1.8 passt:1.4 passend:1.2
gelöst:1.5 geloest:1.5 erledigt:1 kulant:2.2 kulanz:1.8 tadellos:2.6 einwandfrei:2.4 optimal:2.2 vorbildlich:2.8
traumhaft:2.8 stark:1.2 bestens:2.8 beste:2.6 besten:2.6 besser:1.5 verbessert:1.4 gerne:1.3 gern:1.2 wieder:0
kostenlos:0.6 gratis:1 bonus:1.2 schnäppchen:1.8 vorteil:1.2 lösung:1 loesung:1 unterstützung:0.8 geholfen:1.8
hilfreich:2 weitergeholfen:2.2 bemüht:1.3 bemueht:1.3 kundenfreundlich:2.3 entgegenkommend:2
schlecht:-2.2 schlechter:-2.3 schlechteste:-3 mies:-2.5 miserabel:-3 katastrophe:-3.2 katastrophal:-3.2 desaströs:-3.1
furchtbar:-2.9 schrecklich:-2.9 grauenhaft:-3 grottig:-2.8 unterirdisch:-3 peinlich:-2.3 ärgerlich:-2.3 aergerlich:-2.3
ärger:-2 aerger:-2 ärgern:-2 verärgert:-2.5 veraergert:-2.5 sauer:-1.8 wütend:-2.8 wuetend:-2.8 enttäuscht:-2.4
enttaeuscht:-2.4 enttäuschend:-2.4 enttaeuschend:-2.4 enttäuschung:-2.4 enttaeuschung:-2.4 unzufrieden:-2.2 unzufriedenheit:-2.2
frustriert:-2.4 frustrierend:-2.4 frust:-2.2 nervig:-2 nervt:-2 genervt:-2.2 lästig:-1.7 laestig:-1.7 unfreundlich:-2.3
unhöflich:-2.3 unhoeflich:-2.3 frech:-2 arrogant:-2.2 inkompetent:-2.6 ahnungslos:-2 unprofessionell:-2.3 unverschämt:-2.8
unverschaemt:-2.8 unverschämtheit:-3 frechheit:-2.8 zumutung:-2.8 skandal:-2.8 skandalös:-2.8 betrug:-3.2 betrügerisch:-3.2
abzocke:-3 abgezockt:-3 langsam:-1.5 verspätet:-1.8 verspaetet:-1.8 verspätung:-1.8 verspaetung:-1.8 verzögerung:-1.7 verzoegerung:-1.7
verzögert:-1.6 verzoegert:-1.6 spät:-1.3 spaet:-1.3 zu_spät:-1.8 zu_spaet:-1.8 ewig:-1.4 ewigkeit:-1.8 ewigkeiten:-1.8 warteschleife:-1.3
kaputt:-2.3 defekt:-2.3 beschädigt:-2.2 beschaedigt:-2.2 beschädigung:-2 zerbrochen:-2.2 zerkratzt:-1.9 gerissen:-1.5 mangelhaft:-2.4
mangel:-1.5 mängel:-1.8 fehler:-1.6 fehlerhaft:-2 falsch:-1.6 falsche:-1.6 fehlt:-1.5 fehlte:-1.5 fehlten:-1.5 gefehlt:-1.5 verloren:-1.8
problem:-1.5 probleme:-1.5 problematisch:-1.6 schwierig:-1.2 kompliziert:-1.6 umständlich:-1.7 umstaendlich:-1.7 unübersichtlich:-1.8
unuebersichtlich:-1.8 verwirrend:-1.7 unverständlich:-1.7 absturz:-2 abstürze:-2 stürzt:-2 stuerzt:-2 abgestürzt:-2 hängt:-1.3 haengt:-1.3
ruckelt:-1.4 buggy:-1.8 bug:-1.4 bugs:-1.6 instabil:-1.8 unbrauchbar:-2.8 nutzlos:-2.5 sinnlos:-2 überteuert:-2.3 ueberteuert:-2.3
teuer:-1.4 zu_teuer:-2 wucher:-2.8 abgelehnt:-1.5 storniert:-0.5 storno:-1 reklamation:-1.2 beschwerde:-1.6 beschweren:-1.6
mahnung:-1.5 gebühren:-0.8 versteckte:-1.6 unzuverlässig:-2.2 unzuverlaessig:-2.2 unerreichbar:-2.2 nie_erreichbar:-2.4
ignoriert:-2.1 vertröstet:-2 vertroestet:-2 abgewimmelt:-2.4 chaos:-2.2 chaotisch:-2.2 schlamperei:-2.6 schlampig:-2.3
dreckig:-2.2 schmutzig:-2 eklig:-2.6 billig:-0.6 minderwertig:-2.4 enttäuschen:-2 leider:-1.1 schade:-1.4 bedauerlich:-1.5
traurig:-1.8 wütend:-2.8 sauer:-1.8 nie_wieder:-2.8 niewieder:-2.8 finger_weg:-3 katastrophen:-3 horror:-2.8 albtraum:-3 alptraum:-3
ärgerlicherweise:-2 dauert:-0.8 dauerte:-0.8 gedauert:-0.8 warten:-0.6 wartezeit:-0.6 wartezeiten:-0.6 gewartet:-0.9 mühsam:-1.6
muehsam:-1.6 stress:-1.6 stressig:-1.7 verschwendung:-2 zeitverschwendung:-2.4 geldverschwendung:-2.6 hinweg:0 verschlechtert:-2
schlimmer:-2.3 schlimm:-2.3 unmöglich:-2 unmoeglich:-2 unzumutbar:-2.8 inakzeptabel:-2.8 unakzeptabel:-2.8 bereue:-2.3 bereut:-2.2
bedauern:-1.2 mangelnde:-1.8 mangelt:-1.8 keine_ahnung:-1.6 kompliziert:-1.6 enttäuschte:-2.4 miese:-2.5 lieblos:-2 unfähig:-2.6
unfaehig:-2.6 unglaublich:0.5 beschissen:-3 scheiße:-3 scheisse:-3 mist:-2.2 müll:-2.5 muell:-2.5 schrott:-2.6 fehlanzeige:-2
nachgelassen:-1.8 ausgefallen:-1 geworfen:-1 verweigert:-2 aufgelegt:-1.5 hilfe:0.8 fehlerfrei:2.2 sorgenfrei:2 störungsfrei:1.8
ok:0.9 okay:0.9 in_ordnung:1 akzeptabel:0.9 solide:1.2 durchschnittlich:-0.3 mittelmäßig:-0.8 mittelmaessig:-0.8 naja:-0.6 geht_so:-0.6
ausbaufähig:-0.8 ausbaufaehig:-0.8 verbesserungswürdig:-1.1 verbesserungswuerdig:-1.1 okayish:0.3
`);

/** Phrases matched before single words ("kein Problem" is positive, "nicht schlecht" mildly so). */
export const germanPhrases = parseLexicon(`
kein_problem:1.6 keine_probleme:1.6 kein_thema:1.3 nicht_schlecht:1.3 gar_nicht_schlecht:1.8 nicht_übel:1.3 nicht_uebel:1.3
nicht_so_toll:-1.2 nie_wieder:-2.8 nie_mehr:-2.2 finger_weg:-3 keine_antwort:-2 keine_rückmeldung:-2 keine_rueckmeldung:-2
keine_reaktion:-2 keine_ahnung:-1.6 nicht_erreichbar:-2.2 kam_nie:-2.5 nie_angekommen:-2.5 nicht_angekommen:-2.2
ist_nicht_angekommen:-2.2 geld_zurück:0.6 immer_noch:-0.6 noch_immer:-0.6 zu_spät:-1.8 zu_spaet:-1.8 zu_teuer:-2
zu_lange:-1.6 zu_lang:-1.6 in_ordnung:1 geht_so:-0.6 vielen_dank:2 hat_geklappt:1.6 klappt:1.2 geklappt:1.2
lässt_zu_wünschen_übrig:-2 laesst_zu_wuenschen_uebrig:-2 ohne_probleme:1.8 ohne_probleme:1.8 alles_bestens:2.8
keine_erstattung:-1.8 doppelt_abgebucht:-2 doppelt_berechnet:-2 nicht_okay:-1.5 nicht_ok:-1.5 danke_für_nichts:-2.4
was_will_man_mehr:1.6 letzter_einkauf:-2.2 letzte_bestellung:-2 kurze_wartezeit:1.4 keine_hilfe:-1.8 keine_echte_hilfe:-2
immer_noch_keine:-1.8 immer_noch_nicht:-1.8 noch_immer_keine:-1.8 noch_immer_nicht:-1.8 warte_seit:-1.6 warten_seit:-1.6
mehr_erwartet:-1.8 zu_klein:-1.3 zu_groß:-1.3 zu_gross:-1.3 wäre_schön:0 wäre_toll:0 es_reicht:-1.8 reicht_es:-1.8 keine_ahnung:-1.6
`);
