# Critical-difference diagram of the average ranks (Demšar 2006).
# Written by `parzen plot` from results/parity-optuna-tpe. Standalone: reads only files beside it and writes
# ranks.png beside it; run `gnuplot plots/NAME/ranks.gp` from anywhere or `gnuplot ranks.gp` in its folder.
script_dir = strlen(ARG0) > strlen('ranks.gp') ? ARG0[1:strlen(ARG0) - strlen('ranks.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 900,501 enhanced font "DejaVu Sans,11"
set output 'ranks.png'
set encoding utf8

set title "Average ranks over 15 problems at 200 evaluations (1 = best)\nFriedman p = 0.00137 (differences exist); Nemenyi CD (alpha = 0.05) = 1.21; bars join suggesters within CD" noenhanced
unset border
unset xtics
unset ytics
unset key
set lmargin 33
set rmargin 33
set xrange [1:4.0]
set yrange [-1.56:1.45]
# the rank axis
set arrow from 1,0 to 4,0 nohead lw 1.5 lc rgb '#000000'
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
# the critical difference
set arrow from 1,0.95 to 2.2110382139121603,0.95 heads size screen 0.006,90 lw 2 lc rgb '#000000'
set label 'CD = 1.21' at 1.6055191069560801,1.17 center
# groups not significantly different
set arrow from 1.7266666666666666,-0.22 to 2.8733333333333335,-0.22 nohead lw 5 lc rgb '#000000'
set arrow from 2.7933333333333334,-0.38 to 3.4066666666666667,-0.38 nohead lw 5 lc rgb '#000000'
# suggesters: a hook from the rank down to the name
set arrow from 1.7666666666666666,0 to 1.7666666666666666,-0.8400000000000001 nohead lw 1.5 lc rgb '#1f77b4'
set arrow from 1.7666666666666666,-0.8400000000000001 to 1.0,-0.8400000000000001 nohead lw 1.5 lc rgb '#1f77b4'
set label 'tpe-optuna (1.77)' at 1.0,-0.8400000000000001 right offset -0.6,0 noenhanced textcolor rgb '#1f77b4'
set arrow from 2.033333333333333,0 to 2.033333333333333,-1.26 nohead lw 1.5 lc rgb '#ff7f0e'
set arrow from 2.033333333333333,-1.26 to 1.0,-1.26 nohead lw 1.5 lc rgb '#ff7f0e'
set label 'optuna-tpe (2.03)' at 1.0,-1.26 right offset -0.6,0 noenhanced textcolor rgb '#ff7f0e'
set arrow from 2.8333333333333335,0 to 2.8333333333333335,-1.26 nohead lw 1.5 lc rgb '#d62728'
set arrow from 2.8333333333333335,-1.26 to 4.0,-1.26 nohead lw 1.5 lc rgb '#d62728'
set label 'optuna-tpe-independent (2.83)' at 4.0,-1.26 left offset 0.6,0 noenhanced textcolor rgb '#d62728'
set arrow from 3.3666666666666667,0 to 3.3666666666666667,-0.8400000000000001 nohead lw 1.5 lc rgb '#2ca02c'
set arrow from 3.3666666666666667,-0.8400000000000001 to 4.0,-0.8400000000000001 nohead lw 1.5 lc rgb '#2ca02c'
set label 'tpe-optuna-independent (3.37)' at 4.0,-0.8400000000000001 left offset 0.6,0 noenhanced textcolor rgb '#2ca02c'
plot 'ranks.dat' using 1:(0):2 with points pt 7 ps 1.8 lc rgb variable notitle
