# The capture plot: per benchmark point, the share of each stream the poller stored, beside
# the best any scheduler could store of page 1 with that budget. Run by bench/capture.sh
# with csv and png set.
set terminal pngcairo size 1100,560 font "Sans,10"
set output png
set datafile separator ","
set title "Share of each stream stored (stand-in of GitHub's 2026 feed; 5,000 requests/h a token, 15,000 the App)"
set ylabel "stored / visible"
set yrange [0:1.1]
set ytics ("0%%" 0, "20%%" 0.2, "40%%" 0.4, "60%%" 0.6, "80%%" 0.8, "100%%" 1)
set grid ytics
set key top right horizontal
set style data histogram
set style histogram cluster gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set xtics rotate by -35 left font "Sans,9"
set bmargin 7
label(budget, pacing, feed, push, other) = (feed eq "split") \
    ? sprintf("%s %s/%s%s", budget, push, other, (pacing eq "budget") ? "" : " (" . pacing . ")") \
    : sprintf("%s classic %s", budget, push)
plot csv every ::1 using (stringcolumn(3) eq "split" ? $8 : 1/0):xtic(label(stringcolumn(1), stringcolumn(2), stringcolumn(3), stringcolumn(4), stringcolumn(5))) title "pages 2-3 stored" lc rgb "#2e7d32", \
     csv every ::1 using 12 title "page 1 stored" lc rgb "#1565c0", \
     csv every ::1 using 13 title "page 1: best possible" lc rgb "#b0bec5"
