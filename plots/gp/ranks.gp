# Critical-difference diagram of the average ranks (Demšar 2006).
# Written by `parzen plot` from results/gp. Standalone: reads only files beside it and writes
# ranks.png beside it; run `gnuplot plots/NAME/ranks.gp` from anywhere or `gnuplot ranks.gp` in its folder.
script_dir = strlen(ARG0) > strlen('ranks.gp') ? ARG0[1:strlen(ARG0) - strlen('ranks.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,577 enhanced font "DejaVu Sans,11"
set output 'ranks.png'
set encoding utf8

set title "Average ranks over 10 problems at 100 evaluations (1 = best)\nFriedman p = 2.29e-07 (differences exist); Nemenyi CD (alpha = 0.05) = 1.93; bars join suggesters within CD" noenhanced
unset border
unset xtics
unset ytics
unset key
set lmargin 22
set rmargin 22
set xrange [1:5.0]
set yrange [-2.1399999999999997:1.45]
# the rank axis
set arrow from 1,0 to 5,0 nohead lw 1.5 lc rgb '#000000'
set arrow from 1,0 to 1,0.16 nohead lw 1.5 lc rgb '#000000'
set label '1' at 1,0.34 center
set arrow from 1.5,0 to 1.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 2,0 to 2,0.16 nohead lw 1.5 lc rgb '#000000'
set label '2' at 2,0.34 center
set arrow from 2.5,0 to 2.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 3,0 to 3,0.16 nohead lw 1.5 lc rgb '#000000'
set label '3' at 3,0.34 center
set arrow from 3.5,0 to 3.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 4,0 to 4,0.16 nohead lw 1.5 lc rgb '#000000'
set label '4' at 4,0.34 center
set arrow from 4.5,0 to 4.5,0.08 nohead lw 1 lc rgb '#000000'
set arrow from 5,0 to 5,0.16 nohead lw 1.5 lc rgb '#000000'
set label '5' at 5,0.34 center
# the critical difference
set arrow from 1,0.95 to 2.928987299076902,0.95 heads size screen 0.006,90 lw 2 lc rgb '#000000'
set label 'CD = 1.93' at 1.964493649538451,1.17 center
# groups not significantly different
set arrow from 1.06,-0.22 to 2.64,-0.22 nohead lw 5 lc rgb '#000000'
set arrow from 2.36,-0.38 to 3.94,-0.38 nohead lw 5 lc rgb '#000000'
set arrow from 3.86,-0.54 to 5.04,-0.54 nohead lw 5 lc rgb '#000000'
# suggesters: a hook from the rank down to the name
set arrow from 1.1,0 to 1.1,-1.0 nohead lw 1.5 lc rgb '#1f77b4'
set arrow from 1.1,-1.0 to 1.0,-1.0 nohead lw 1.5 lc rgb '#1f77b4'
set label 'gp (1.10)' at 1.0,-1.0 right offset -0.6,0 noenhanced textcolor rgb '#1f77b4'
set arrow from 2.4,0 to 2.4,-1.42 nohead lw 1.5 lc rgb '#9467bd'
set arrow from 2.4,-1.42 to 1.0,-1.42 nohead lw 1.5 lc rgb '#9467bd'
set label 'bayesopt-gp (2.40)' at 1.0,-1.42 right offset -0.6,0 noenhanced textcolor rgb '#9467bd'
set arrow from 2.6,0 to 2.6,-1.8399999999999999 nohead lw 1.5 lc rgb '#2ca02c'
set arrow from 2.6,-1.8399999999999999 to 1.0,-1.8399999999999999 nohead lw 1.5 lc rgb '#2ca02c'
set label 'tpe-optuna (2.60)' at 1.0,-1.8399999999999999 right offset -0.6,0 noenhanced textcolor rgb '#2ca02c'
set arrow from 3.9,0 to 3.9,-1.42 nohead lw 1.5 lc rgb '#ff7f0e'
set arrow from 3.9,-1.42 to 5.0,-1.42 nohead lw 1.5 lc rgb '#ff7f0e'
set label 'tpe (3.90)' at 5.0,-1.42 left offset 0.6,0 noenhanced textcolor rgb '#ff7f0e'
set arrow from 5.0,0 to 5.0,-1.0 nohead lw 1.5 lc rgb '#d62728'
set arrow from 5.0,-1.0 to 5.0,-1.0 nohead lw 1.5 lc rgb '#d62728'
set label 'random (5.00)' at 5.0,-1.0 left offset 0.6,0 noenhanced textcolor rgb '#d62728'
plot 'ranks.dat' using 1:(0):2 with points pt 7 ps 1.8 lc rgb variable notitle
