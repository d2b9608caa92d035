# The completeness plot: stored share against the stand-in's rate, one line per token count.
# Run by bench/render-completeness.sh with csv and png set.
set terminal pngcairo size 900,540 font "Sans,11"
set output png
set datafile separator ","
set title "Share of generated events stored in Redis (X-Poll-Interval 1 s, 3 pages of 100 per poll)"
set xlabel "stand-in rate (events per second = events per poll interval)"
set ylabel "stored / generated"
set logscale x
set xrange [8:1200]
set yrange [0:1.05]
set ytics ("0%%" 0, "20%%" 0.2, "40%%" 0.4, "60%%" 0.6, "80%%" 0.8, "100%%" 1)
set grid
set key bottom left
set arrow from 300, graph 0 to 300, graph 1 nohead dashtype 2 lc rgb "#888888"
set label "300 events per poll interval" at 310, 0.15 tc rgb "#555555"
plot csv every ::1 using ($1 == 1 ? $2 : 1/0):7 with linespoints lw 2 pt 7 title "1 token", \
     csv every ::1 using ($1 == 3 ? $2 : 1/0):7 with linespoints lw 2 pt 5 title "3 tokens", \
     (x <= 300 ? 1 : 300 / x) with lines dashtype 3 lc rgb "#aa0000" title "ceiling of 1 poll/s: min(1, 300 / rate)", \
     (x <= 900 ? 1 : 900 / x) with lines dashtype 3 lc rgb "#0000aa" title "ceiling of 3 polls/s: min(1, 900 / rate)"
