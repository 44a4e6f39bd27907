# Writes bench/claims/en-blind.jsonl: sentences written after the rules, scored once before any rule changed for them.
import sys
import bench_rows
rows = [
("Four peacekeepers were wounded when their vehicle hit a mine near Aguelhok, the UN mission said.", [("the UN mission", "United Nations")], False, [], []),
("According to residents, the gunmen went from house to house looking for police officers.", [("According to residents", None)], True, [], []),
("The militants are believed to have crossed from Niger overnight.", [], True, [], []),
("Al-Shabaab claimed responsibility for the bombing in a statement on its radio station.", [("Al-Shabaab", "Al-Shabaab")], True, [], []),
("The ministry denied that any civilians had been killed in the operation.", [], False, ["that any civilians had been killed in the operation"], []),
("The army has not commented on the reports.", [], False, ["has not commented on the reports"], []),
("Nobody was hurt in the attack, a police spokesman told AFP.", [("a police spokesman", None)], False, [], []),
("Could the strike have been avoided?", [], False, [], ["question"]),
("Aid agencies warned that a new offensive would displace thousands of families.", [("Aid agencies", None)], False, [], ["planned"]),
("The European Union is set to impose new sanctions on Monday.", [], False, [], ["planned"]),
("Rebels frequently ambush convoys on the road to Bunia.", [], False, [], ["generic"]),
("Israeli forces raided the Jenin refugee camp on Wednesday, Palestinian officials said.", [("Palestinian officials", None)], False, [], []),
("\"They shot at everyone,\" a survivor told Reuters.", [("a survivor", None)], False, [], []),
("Ukraine's military said it had repelled 40 Russian attacks near Pokrovsk.", [("Ukraine's military", "Ukrainian Armed Forces")], True, [], []),
("The government dismissed the report as biased, but the UN stood by its findings.", [], False, ["the report as biased"], []),
]
bench_rows.write(sys.argv[1], rows)
